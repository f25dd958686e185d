import type { FamilyView, RefreshTokenView } from "./state-types";

const STATUS_TEXT: Record<RefreshTokenView["status"], string> = {
  live: "live — the next refresh spends it",
  used: "used — spent by a refresh; presenting it again is reuse",
  revoked: "revoked",
  expired: "expired",
};

const STATUS_STYLE: Record<RefreshTokenView["status"], string> = {
  live: "border-emerald-400 bg-emerald-50",
  used: "border-slate-300 bg-slate-50",
  revoked: "border-red-400 bg-red-50",
  expired: "border-amber-400 bg-amber-50",
};

function Branch({ tokens, parentId }: { tokens: RefreshTokenView[]; parentId: string | null }) {
  const children = tokens.filter((t) => t.parentId === parentId);
  if (!children.length) return null;
  return (
    <ul className={parentId ? "ml-4 border-l border-slate-300 pl-2" : ""}>
      {children.map((token) => (
        <li key={token.id} className="mt-1">
          <span className={`inline-block rounded border px-1.5 py-0.5 font-mono text-xs ${STATUS_STYLE[token.status]}`} data-token-status={token.status}>
            {token.hashPrefix}… {STATUS_TEXT[token.status]}
          </span>
          <Branch tokens={tokens} parentId={token.id} />
        </li>
      ))}
    </ul>
  );
}

/** One refresh-token family as a tree: issued → used → its successor …, revocation and reuse marked in words. */
export function FamilyTree({ family }: { family: FamilyView }) {
  return (
    <article className="rounded border border-slate-200 p-2 text-xs wrap-anywhere" data-family={family.id}>
      <p>
        Family <code>{family.id.slice(0, 8)}</code> of {family.userEmail} ·{" "}
        {family.revokedAt ? (
          <strong className="text-red-800">revoked ({family.revokeReason ?? "no reason"})</strong>
        ) : (
          <strong>active</strong>
        )}
      </p>
      <Branch tokens={family.tokens} parentId={null} />
    </article>
  );
}
