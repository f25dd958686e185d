import type { GlossaryId } from "@/lib/glossary";
import { Term } from "../glossary/term";
import { Countdown } from "./countdown";
import type { DecodedJwtView } from "@/lib/auth/inspect-view";

const CLAIMS: Record<string, string> = {
  alg: "signature algorithm the server insists on (alg: none is refused)",
  typ: "token type: an access token, not an ID token",
  kid: "which key signed it (looked up in the server's own key set, never fetched from the token)",
  sub: "subject: the user's id",
  role: "the role at issue time — trusted without a lookup until exp",
  email: "the user's email at issue time",
  iat: "issued at",
  exp: "expires at: after this the signature no longer matters",
  nbf: "not valid before",
  jti: "unique token id: what the denylist records on logout",
  iss: "issuer: who made it",
  aud: "audience: who it is for",
};

/** Claims with a glossary entry of their own. */
const CLAIM_TERM: Partial<Record<string, GlossaryId>> = { exp: "exp", jti: "jti", alg: "signing-algorithm" };

function isTimestamp(key: string, value: unknown): value is number {
  return (key === "iat" || key === "exp" || key === "nbf") && typeof value === "number";
}

function ClaimTable({ claims, title }: { claims: Record<string, unknown>; title: string }) {
  return (
    <table className="w-full text-xs">
      <caption className="sr-only">{title}</caption>
      <tbody>
        {Object.entries(claims).map(([key, value]) => {
          const term = CLAIM_TERM[key];
          return (
          <tr key={key} className="align-top" data-claim={key}>
            <th scope="row" className="pr-2 text-left font-mono">
              {term ? (
                <Term id={term} standalone>
                  {key}
                </Term>
              ) : (
                key
              )}
            </th>
            <td className="pr-2 font-mono break-all">
              {JSON.stringify(value)}
              {isTimestamp(key, value) ? <span className="block text-slate-600">{new Date(value * 1000).toISOString().replace(".000Z", "Z")}</span> : null}
            </td>
            <td className="text-slate-700">{CLAIMS[key] ?? ""}</td>
          </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A JWT as a debugger shows it: header, payload, signature — each labelled, not only coloured. */
export function JwtDecoded({ jwt, serverNow, where }: { jwt: DecodedJwtView; serverNow: string; where: string }) {
  const exp = typeof jwt.payload?.exp === "number" ? new Date(jwt.payload.exp * 1000).toISOString() : null;
  return (
    <div className="space-y-2" data-testid="jwt-decoded">
      <p className="text-xs">
        <Term id="access-token">Access token</Term> ({where}).{" "}
        {exp ? (
          <>
            <Countdown key={serverNow} until={exp} serverNow={serverNow} before="Expires in" after="Expired" />.
          </>
        ) : null}{" "}
        Server verdict now: <strong data-testid="jwt-verdict">{jwt.verification.ok ? "valid signature and claims" : `refused — ${jwt.verification.code}`}</strong>
      </p>
      <section aria-label="JWT header" className="rounded border-l-4 border-rose-500 bg-rose-50 p-2">
        <h4 className="text-xs font-bold uppercase text-rose-900">Header (base64url JSON, not encrypted)</h4>
        {jwt.header ? <ClaimTable claims={jwt.header} title="JWT header" /> : <p className="text-xs">not decodable</p>}
      </section>
      <section aria-label="JWT payload" className="rounded border-l-4 border-violet-500 bg-violet-50 p-2">
        <h4 className="text-xs font-bold uppercase text-violet-900">Payload (claims — anyone holding the token can read them)</h4>
        <p className="text-xs">
          <Term id="claims" standalone>
            What are claims?
          </Term>
        </p>
        {jwt.payload ? <ClaimTable claims={jwt.payload} title="JWT payload" /> : <p className="text-xs">not decodable</p>}
      </section>
      <section aria-label="JWT signature" className="rounded border-l-4 border-sky-500 bg-sky-50 p-2">
        <h4 className="text-xs font-bold uppercase text-sky-900">Signature (proves header + payload are unchanged)</h4>
        <p className="text-xs">
          <Term id="signature" standalone>
            How a signature proves it
          </Term>
        </p>
        <p className="font-mono text-xs break-all">{jwt.signature ?? "none"}</p>
      </section>
    </div>
  );
}
