"use client";

import type { AuthClock } from "@/lib/workbench/auth-clock";
import { explainClaim, REGISTERED_CLAIMS } from "@/lib/workbench/claims";
import type { DecodeResult, DecodedSegment } from "@/lib/workbench/decode";
import { ColouredToken } from "./coloured-token";
import { FieldList } from "./field-list";
import { PART_COLOURS } from "./styles";

type Decoded = Extract<DecodeResult, { ok: true }>;

function SegmentProblem({ segment }: { segment: DecodedSegment }) {
  return (
    <div className="text-sm">
      <p className="font-semibold text-red-800">{segment.problem}</p>
      {segment.text !== null ? (
        <p className="mt-1">
          Decoded text: <span className="font-mono break-all">{segment.text.length > 400 ? `${segment.text.slice(0, 400)}…` : segment.text}</span>
        </p>
      ) : null}
    </div>
  );
}

const SIGNATURE_SIZES: Record<string, string> = {
  HS256: "32 bytes: an HMAC-SHA256 of header.payload under a shared secret. Only someone with the same secret can check it — or make one.",
  HS384: "48 bytes: an HMAC-SHA384 under a shared secret.",
  HS512: "64 bytes: an HMAC-SHA512 under a shared secret.",
  ES256: "64 bytes: an ECDSA P-256 signature (r and s, 32 bytes each). Made with a private key, checked with the public one.",
  EdDSA: "64 bytes: an Ed25519 signature. Made with a private key, checked with the public one.",
  RS256: "As long as the RSA key (256 bytes for 2048 bits). Made with a private key, checked with the public one.",
};

function signatureMeaning(alg: unknown, bytes: number | null): string {
  if (bytes === 0) return "Empty: the token is unsigned. Nothing proves who wrote it.";
  const known = typeof alg === "string" ? SIGNATURE_SIZES[alg] : undefined;
  return `${known ?? `${bytes ?? "?"} bytes, base64url-encoded; the header's alg says how they were made.`} Decoding it tells nothing: only verifying with a key does.`;
}

/** The three parts side by side (stacked on a phone), each labelled in words as well as colour. */
export function DecodedToken({ decoded, clock }: { decoded: Decoded; clock: AuthClock | null }) {
  const payload = decoded.payload.json;
  const absent = payload ? REGISTERED_CLAIMS.filter((claim) => !Object.hasOwn(payload, claim)) : [];
  return (
    <div className="space-y-3">
      <ColouredToken token={decoded.token} label="The token, coloured by part" />
      {decoded.notes.length > 0 ? <p className="text-sm text-slate-700">{decoded.notes.join(" ")}</p> : null}
      <div className="grid gap-3 lg:grid-cols-2">
        <section aria-labelledby="wb-header-title" className={`min-w-0 rounded border-l-4 p-3 ${PART_COLOURS.header.box}`}>
          <h3 id="wb-header-title" className={`text-sm font-bold uppercase ${PART_COLOURS.header.title}`}>
            Header <span className="font-normal normal-case">— how it was signed (base64url JSON, not encrypted)</span>
          </h3>
          {decoded.header.json ? <FieldList fields={decoded.header.json} part="header" clock={clock} label="Header fields" /> : <SegmentProblem segment={decoded.header} />}
        </section>
        <section aria-labelledby="wb-payload-title" className={`min-w-0 rounded border-l-4 p-3 ${PART_COLOURS.payload.box}`}>
          <h3 id="wb-payload-title" className={`text-sm font-bold uppercase ${PART_COLOURS.payload.title}`}>
            Payload <span className="font-normal normal-case">— the claims (anyone holding the token reads them)</span>
          </h3>
          {payload ? <FieldList fields={payload} part="payload" clock={clock} label="Payload claims" /> : <SegmentProblem segment={decoded.payload} />}
          {absent.length > 0 ? (
            <details className="mt-2 text-sm">
              <summary className="min-h-6 cursor-pointer font-medium">Registered claims this token does not carry: {absent.join(", ")}</summary>
              <dl className="mt-1 space-y-1">
                {absent.map((claim) => (
                  <div key={claim}>
                    <dt className="inline font-mono font-semibold">{claim}</dt> <dd className="inline text-slate-700">— {explainClaim(claim)?.meaning}</dd>
                  </div>
                ))}
              </dl>
            </details>
          ) : null}
        </section>
      </div>
      <section aria-labelledby="wb-signature-title" className={`rounded border-l-4 p-3 ${PART_COLOURS.signature.box}`}>
        <h3 id="wb-signature-title" className={`text-sm font-bold uppercase ${PART_COLOURS.signature.title}`}>
          Signature <span className="font-normal normal-case">— proves header and payload are unchanged, to whoever has the key</span>
        </h3>
        <p className="font-mono text-sm break-all">{decoded.signature.encoded || "(empty)"}</p>
        <p className="text-sm text-slate-700">{decoded.signature.problem ?? signatureMeaning(decoded.header.json?.alg, decoded.signature.byteLength)}</p>
      </section>
    </div>
  );
}
