"use client";

import { useCallback, useState } from "react";
import { lab, type LabKeysAnswer } from "../lab/lab-client";
import { useReloadOnLabActivity } from "../lab/use-lab-events";
import { adminCredential, type AdminAccess } from "./admin-access";

const STATUS_TEXT: Record<LabKeysAnswer["keys"][number]["status"], string> = {
  signing: "Signs every new token",
  "verify-only": "Verifies only",
  "published-ahead": "Published ahead: signs after the next rotation",
};

function until(iso: string | null, now: string): string {
  if (!iso) return "";
  const minutes = Math.max(0, Math.round((Date.parse(iso) - Date.parse(now)) / 60_000));
  return ` — until ${new Date(iso).toLocaleTimeString()} (in ${minutes} min), when every token it signed has expired`;
}

/**
 * This lab's signing keys and the button that rotates them: which key signs, which still verifies
 * and until when, and which is already published for the next rotation. Rotating touches this lab
 * only; the server's own keys are the operator's.
 */
export function SigningKeysPanel({ access }: { access: AdminAccess | null }) {
  const [view, setView] = useState<LabKeysAnswer | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const answer = await lab.signingKeys();
    if (answer.ok && answer.body) setView(answer.body);
  }, []);

  // Follows every lab request: a login shows which kid it got, a clock move how long old keys verify.
  useReloadOnLabActivity(load);

  const rotate = async () => {
    if (!access) return;
    setBusy(true);
    const answer = await lab.rotateSigningKey(adminCredential(access));
    setBusy(false);
    if (answer.ok && answer.body) {
      setView(answer.body);
      const signing = answer.body.keys.find((k) => k.status === "signing");
      setMessage({ ok: true, text: `Rotated: new tokens now carry kid ${signing?.kid ?? "?"}. Tokens issued before keep working until they expire.` });
    } else {
      setMessage({ ok: false, text: `${answer.status} ${answer.code ?? ""}: the key was not rotated.` });
    }
  };

  return (
    <div className="space-y-3" data-testid="signing-keys">
      <p className="max-w-3xl text-slate-700">
        Every access token names the key that signed it in its header (<code>kid</code>). Rotating starts a new key for this lab: new logins and refreshes get tokens with the new
        kid at once, while tokens signed before keep verifying until they expire — nobody is logged out. Then the old key is dropped. Only this lab&apos;s key moves.
      </p>
      {view ? (
        <>
          <ul className="space-y-1.5" aria-label="This lab's signing keys">
            {view.keys.map((key) => (
              <li key={key.kid} className={`rounded border p-2 text-sm ${key.status === "signing" ? "border-emerald-400 bg-emerald-50" : key.status === "verify-only" ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-slate-50"}`}>
                <code className="break-all font-semibold">{key.kid}</code>
                {key.generation === 0 ? <span className="text-slate-600"> (the server&apos;s key)</span> : null}
                <span className="block">
                  {STATUS_TEXT[key.status]}
                  {until(key.retiresAt, view.now)}
                </span>
              </li>
            ))}
          </ul>
          <p className="max-w-3xl text-sm text-slate-700">
            {view.publishable ? (
              <>
                {view.alg} keys are public: this lab&apos;s JWKS at <a className="break-all text-blue-800 underline" href={view.jwksUrl}>{view.jwksUrl}</a> lists them, the next one included, so the
                second service verifies a new token the moment it is signed.
              </>
            ) : (
              <>
                {view.alg}: each key is a shared secret, so nothing is published (<a className="text-blue-800 underline" href={view.jwksUrl}>the lab&apos;s JWKS</a> is empty) and a second
                service cannot follow a rotation without being handed the new secret. With <code>JWT_ALG=ES256</code> or <code>EdDSA</code> the public keys are published ahead.
              </>
            )}
          </p>
        </>
      ) : null}
      <button
        type="button"
        onClick={() => void rotate()}
        disabled={!access || busy}
        className="inline-flex min-h-8 items-center rounded bg-slate-900 px-3 py-1 text-sm font-medium text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:bg-slate-400"
      >
        {busy ? "Rotating…" : "Rotate this lab's signing key"}
      </button>
      {!access ? <p className="text-sm text-slate-700">Sign in as the lab&apos;s admin above to rotate.</p> : null}
      {message ? (
        <p role="status" className={`text-sm ${message.ok ? "text-emerald-900" : "text-red-800"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
