import { cookies } from "next/headers";
import { labCookieName } from "@/lib/labs/lab-cookie";
import { JWKS_PATH } from "@/lib/workbench/authlab-profile";
import { Workbench } from "./workbench";

export const metadata = { title: "Token workbench — AuthLab" };

const REQUESTS: [string, string][] = [
  ["GET /api/demo/clock", "the server's auth clock, to show times against it"],
  ["GET /api/settings", "where the JWT pane keeps its token (when you take it)"],
  ["POST /api/auth/jwt/login?cookies=none", "alice's public demo password, for a fresh token"],
  ["GET /api/labs/<your lab>/jwks.json", `this server's public keys for your lab — ${JWKS_PATH} plus your lab's own once it rotated (when you choose them)`],
  ["GET /api/me?mode=jwt", "the token you send, as Authorization: Bearer, without cookies"],
];

const WORDS: [string, string][] = [
  ["JWT", "JSON Web Token: header.payload.signature, three base64url parts joined by dots."],
  ["base64url", "a way to write bytes with letters, digits, - and _ — an encoding anyone can undo, not encryption."],
  ["claim", "one statement in the payload, such as sub (who) or exp (until when)."],
  ["signature", "bytes computed from header and payload with a key; whoever has the matching key can check that nothing changed."],
  ["secret (HMAC)", "one key that both signs and verifies (HS256): whoever can verify can also forge."],
  ["public / private key", "a pair: the private key signs, the public key only verifies (ES256, EdDSA, RS256), so it can be published."],
  ["JWKS", "JSON Web Key Set: a JSON list of public keys a server publishes so that others can verify its tokens."],
  ["clock tolerance", "a few seconds of slack when comparing exp and nbf, because two computers' clocks never agree exactly."],
  ["iron seal", "iron-session's cookie format: encrypted and then authenticated, so it is unreadable and tamper-evident."],
];

/** /workbench: decode, check, forge and send any token — the secret stays in the page. */
export default async function WorkbenchPage() {
  // The proxy has made sure this visitor has a lab; its requests below name it in a header.
  const lab = (await cookies()).get(labCookieName())?.value ?? null;
  return (
    <div className="space-y-4">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Token workbench</h1>
        <p className="max-w-4xl text-slate-700">
          Paste any JWT to see what is inside and what is risky about it, check its signature with a key you give, change it and sign it with a key of your own — then
          send it to AuthLab and see what the real server says, step by step.
        </p>
        <div className="max-w-4xl rounded border-l-4 border-emerald-600 bg-emerald-50 p-3 text-sm">
          <p className="font-semibold">Secrets and private keys you type here never leave this browser.</p>
          <p className="mt-1">
            Decoding is plain base64url; verifying and signing run in this page with your browser&apos;s WebCrypto, through the jose library. The only requests this page
            makes are these, and none carries a key:
          </p>
          <p className="mt-1">Each names your lab in an <code>X-AuthLab-Lab</code> header and sends no cookies.</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {REQUESTS.map(([request, why]) => (
              <li key={request}>
                <code className="break-all">{request}</code> — {why}
              </li>
            ))}
          </ul>
        </div>
        <details className="max-w-4xl text-sm">
          <summary className="min-h-6 cursor-pointer font-medium">Words used on this page</summary>
          <dl className="mt-1 space-y-1">
            {WORDS.map(([word, meaning]) => (
              <div key={word}>
                <dt className="inline font-semibold">{word}</dt> <dd className="inline text-slate-700">— {meaning}</dd>
              </div>
            ))}
          </dl>
        </details>
      </header>
      <Workbench lab={lab} />
    </div>
  );
}
