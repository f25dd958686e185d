import { safeStringify } from "@/lib/workbench/json";
import type { GeneratedKeyPair } from "@/lib/workbench/sign";

/** A key pair made in the page: the public half to share, the private half only to look at. */
export function KeyPairView({ pair }: { pair: GeneratedKeyPair }) {
  return (
    <div className="space-y-2 text-sm">
      <p>
        A new {pair.alg === "EdDSA" ? "Ed25519" : "P-256"} key pair, made by this browser&apos;s WebCrypto. Anyone may have the public key: it can only check
        signatures.
      </p>
      <p className="font-medium">Public key (JWK)</p>
      <pre aria-label="Public key (JWK)" className="overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs whitespace-pre-wrap break-all">
        {safeStringify(pair.publicJwk, 2)}
      </pre>
      <details>
        <summary className="min-h-6 cursor-pointer font-medium">Show the private key — it never leaves this page</summary>
        <p className="mt-1 text-slate-700">The “d” member is the private part: whoever has it can sign as this key. It exists only in this tab&apos;s memory.</p>
        <pre aria-label="Private key (JWK)" className="overflow-x-auto rounded bg-amber-50 p-2 font-mono text-xs whitespace-pre-wrap break-all">
          {safeStringify(pair.privateJwk, 2)}
        </pre>
      </details>
    </div>
  );
}
