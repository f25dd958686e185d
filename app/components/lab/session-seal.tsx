import { Term } from "../glossary/term";
import { Countdown } from "./countdown";
import type { SessionCookieDecoded } from "@/lib/auth/inspect-view";

function time(iso: string): string {
  return new Date(iso).toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
}

/** The session cookie as what it is — an opaque seal — beside what the server holds for it. */
export function SessionSeal({ decoded, serverNow }: { decoded: SessionCookieDecoded; serverNow: string }) {
  const record = decoded.record;
  return (
    <div className="space-y-2" data-testid="session-seal">
      <section aria-label="What the browser holds" className="rounded border border-slate-200 bg-slate-50 p-2 text-xs">
        <h4 className="font-bold uppercase text-slate-700">What the browser holds: an opaque seal ({decoded.bytes} bytes)</h4>
        <p className="font-mono break-all">{decoded.sealPreview}</p>
        <p>
          A <Term id="seal">seal</Term>: encrypted and signed by the server (iron-session), so there is nothing to read in it. Inside is only a random token; the
          server keeps its <Term id="token-hash">fingerprint (SHA-256)</Term>.{" "}
          {decoded.unsealed ? (
            <>
              The server <Term id="unseal">unsealed</Term> it.
            </>
          ) : (
            "The server could not unseal it (tampered with, or sealed with another key)."
          )}
        </p>
      </section>
      <section aria-label="What the server holds" className="rounded border border-teal-300 bg-teal-50 p-2 text-xs">
        <h4 className="font-bold uppercase text-teal-900">What the server holds</h4>
        {record ? (
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-3">
            <dt>Record key</dt>
            <dd className="font-mono">
              sha256 <span data-testid="session-id-prefix">{decoded.sessionIdPrefix}</span>…
            </dd>
            <dt>User (read now)</dt>
            <dd>
              {record.user ? `${record.user.email} · role ${record.user.role}${record.user.disabled ? " · disabled" : ""}` : "deleted"}
            </dd>
            <dt>Created</dt>
            <dd>{time(record.createdAt)}</dd>
            <dt>Last seen</dt>
            <dd>{time(record.lastSeenAt)}</dd>
            <dt>
              <Term id="idle-timeout" standalone>
                Idle expiry
              </Term>
            </dt>
            <dd>
              {time(record.idleExpiresAt)} (<Countdown key={`${serverNow}-idle`} until={record.idleExpiresAt} serverNow={serverNow} before="in" after="passed" />, slides on each request)
            </dd>
            <dt>
              <Term id="absolute-timeout" standalone>
                Absolute expiry
              </Term>
            </dt>
            <dd>
              {time(record.absoluteExpiresAt)} (<Countdown key={`${serverNow}-abs`} until={record.absoluteExpiresAt} serverNow={serverNow} before="in" after="passed" />, never moves)
            </dd>
          </dl>
        ) : (
          <p data-testid="no-session-record">No record: the session was deleted (logout, revocation) or has expired. The cookie is now worthless.</p>
        )}
      </section>
    </div>
  );
}
