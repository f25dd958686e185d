import type { GlossaryId } from "@/lib/glossary";
import { Term } from "../glossary/term";
import type { CookieAttributesView } from "@/lib/auth/inspect-view";

function prefixRule(name: string): string | null {
  if (name.startsWith("__Host-")) return "__Host- prefix: the browser accepts it only with Secure, Path=/ and no Domain — no subdomain can plant or overwrite it.";
  if (name.startsWith("__Secure-")) return "__Secure- prefix: the browser accepts it only with Secure — a plain-HTTP page cannot set it.";
  return null;
}

function duration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** Each attribute of one cookie, with what it does in one line. */
export function CookieAttributeList({ name, attributes }: { name: string; attributes: CookieAttributesView }) {
  const rows: [GlossaryId, string, string][] = [
    ["httponly", "HttpOnly", attributes.httpOnly ? "on — this page's JavaScript cannot read it (see document.cookie below); the browser still sends it." : "off — page scripts can read it."],
    ["secure", "Secure", attributes.secure ? "on — sent only over HTTPS (browsers treat http://localhost as secure)." : "off — also sent over plain HTTP (insecure-cookie setting)."],
    [
      "samesite",
      "SameSite",
      attributes.sameSite === "strict"
        ? "Strict — never sent on requests started by another site, not even top-level links."
        : "Lax — sent on top-level navigations from other sites, not on their forms' POSTs or fetches.",
    ],
    [
      "path",
      "Path",
      attributes.path === "/" ? "/ — sent with every request to this site." : `${attributes.path} — sent only to that endpoint; pages and other APIs never see it.`,
    ],
    ["max-age", "Max-Age", `${duration(attributes.maxAgeSeconds)} — the browser drops it after this; the server decides validity on its own clock.`],
  ];
  const rule = prefixRule(name);
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-3 gap-y-0.5 text-xs">
      {rows.map(([id, term, text]) => (
        <div key={term} className="contents">
          <dt className="font-mono font-semibold">
            <Term id={id} standalone>
              {term}
            </Term>
          </dt>
          <dd>{text}</dd>
        </div>
      ))}
      {rule ? (
        <div className="contents">
          <dt className="font-mono font-semibold">
            <Term id="cookie-prefix" standalone>
              Prefix
            </Term>
          </dt>
          <dd>{rule}</dd>
        </div>
      ) : null}
    </dl>
  );
}
