"use client";

import { useState } from "react";
import { JWKS_PATH, PUBLIC_KEY_ALGORITHMS, isPublicKeyAlgorithm } from "@/lib/workbench/authlab-profile";
import { suggestPublicAlgorithm } from "@/lib/workbench/keys";
import { isJsonObject } from "@/lib/workbench/json";
import type { KeyDraft, KeyMode } from "./key-draft";
import { choiceInput, secondaryButton, textField } from "./styles";
import { fetchOwnJwks, ownJwksPath } from "./workbench-api";

const MODES: { value: KeyMode; label: string; help: string }[] = [
  { value: "secret", label: "A secret", help: "HS256, HS384, HS512: the same secret signs and verifies." },
  { value: "public-key", label: "A public key", help: "PEM (-----BEGIN PUBLIC KEY-----) or JWK; ES256, EdDSA, RS256, PS256 …: verifying needs no secret." },
  { value: "jwks", label: "This server's public keys", help: `AuthLab's JWKS (JSON Web Key Set) for your lab (${JWKS_PATH} plus your lab's own keys once it rotated them) — fetched from this site only.` },
];

function kidsOf(jwks: unknown): string {
  if (!isJsonObject(jwks) || !Array.isArray(jwks.keys)) return "";
  const keys: unknown[] = jwks.keys;
  const kids = keys.map((k) => (isJsonObject(k) && typeof k.kid === "string" ? k.kid : "(no kid)"));
  return kids.length === 0 ? "no keys" : `${kids.length} key${kids.length === 1 ? "" : "s"}: ${kids.join(", ")}`;
}

/** The key to verify with. What is typed here stays in the page: verification runs here too. */
export function KeyFields({ draft, onChange, tokenAlg }: { draft: KeyDraft; onChange: (draft: KeyDraft) => void; tokenAlg: unknown }) {
  const [jwksProblem, setJwksProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function loadJwks() {
    setBusy(true);
    const answer = await fetchOwnJwks();
    setBusy(false);
    setJwksProblem(answer.ok ? null : answer.message);
    if (answer.ok) onChange({ ...draft, mode: "jwks", jwks: answer.jwks });
  }

  function chooseMode(mode: KeyMode) {
    const publicAlg = mode === "public-key" ? suggestPublicAlgorithm(draft.publicKeyText, tokenAlg) : draft.publicAlg;
    onChange({ ...draft, mode, publicAlg });
  }

  return (
    <fieldset className="space-y-3">
      <legend className="font-medium">Verify with</legend>
      <div className="grid gap-2 md:grid-cols-3">
        {MODES.map((mode) => (
          <label key={mode.value} className="flex items-start gap-2 rounded border border-slate-200 p-2">
            <input type="radio" name="wb-key-mode" value={mode.value} checked={draft.mode === mode.value} onChange={() => chooseMode(mode.value)} className={choiceInput} />
            <span>
              <span className="font-medium">{mode.label}</span>
              <span className="block text-sm text-slate-600">{mode.help}</span>
            </span>
          </label>
        ))}
      </div>
      {draft.mode === "secret" ? (
        <div className="space-y-2">
          <label htmlFor="wb-secret" className="block text-sm font-medium">
            Secret
          </label>
          <input
            id="wb-secret"
            type="text"
            value={draft.secret}
            onChange={(event) => onChange({ ...draft, secret: event.target.value })}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            className={textField}
          />
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={draft.secretIsBase64Url} onChange={(event) => onChange({ ...draft, secretIsBase64Url: event.target.checked })} className={choiceInput} />
            <span>The secret is base64url-encoded (as a JWK&apos;s “k” is, when the secret is binary)</span>
          </label>
        </div>
      ) : null}
      {draft.mode === "public-key" ? (
        <div className="space-y-2">
          <label htmlFor="wb-public-key" className="block text-sm font-medium">
            Public key (PEM or JWK)
          </label>
          <textarea
            id="wb-public-key"
            value={draft.publicKeyText}
            onChange={(event) => onChange({ ...draft, publicKeyText: event.target.value, publicAlg: suggestPublicAlgorithm(event.target.value, tokenAlg) })}
            rows={5}
            spellCheck={false}
            autoComplete="off"
            className={textField}
          />
          <label className="grid gap-1 text-sm font-medium sm:flex sm:items-center sm:gap-2">
            Algorithm this key is for
            <select
              value={draft.publicAlg}
              onChange={(event) => {
                if (isPublicKeyAlgorithm(event.target.value)) onChange({ ...draft, publicAlg: event.target.value });
              }}
              className="min-h-9 rounded border border-slate-400 bg-white px-2 text-sm"
            >
              {PUBLIC_KEY_ALGORITHMS.map((alg) => (
                <option key={alg} value={alg}>
                  {alg}
                </option>
              ))}
            </select>
          </label>
          <p className="text-sm text-slate-600">A server fixes this per key in its configuration; it never takes it from the token.</p>
        </div>
      ) : null}
      {draft.mode === "jwks" ? (
        <div className="space-y-2 text-sm">
          <button type="button" onClick={() => void loadJwks()} disabled={busy} className={secondaryButton}>
            {draft.jwks === null ? "Fetch this server's JWKS" : "Fetch it again"}
          </button>
          <p role="status" aria-label="This server's JWKS">
            {jwksProblem ?? (draft.jwks === null ? "" : `Fetched ${ownJwksPath()}: ${kidsOf(draft.jwks)}.`)}
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}
