"use client";

import { useId, useState } from "react";
import { decodeJwt, parsePayload, unsignedToken, withPayload } from "@/lib/scenarios/jwt-parts";
import { DEMO_USERS } from "@/lib/users/demo-users";
import { labFetch } from "../lab/lab-client";

interface Sent {
  what: string;
  status: number;
  code?: string;
  role?: string;
}

/**
 * "Edit the payload and send it": a real access token for Alice, decoded into header / payload /
 * signature; the payload is editable and the edited token is sent to the protected API as is.
 */
export function JwtEditor() {
  const id = useId();
  const [token, setToken] = useState<string | null>(null);
  const [payloadText, setPayloadText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [busy, setBusy] = useState(false);
  const alice = DEMO_USERS[0];

  async function getToken() {
    setBusy(true);
    const ex = await labFetch<{ accessToken?: string }>("jwt", "Get a token to edit (no cookies)", "/api/auth/jwt/login?cookies=none", {
      method: "POST",
      body: { email: alice.email, password: alice.password },
      sent: "email + password (JSON body)",
    });
    setBusy(false);
    const fresh = ex.body?.accessToken;
    if (!fresh) {
      setProblem(`Could not get a token (${ex.status}${ex.code ? ` ${ex.code}` : ""}).`);
      return;
    }
    setToken(fresh);
    setPayloadText(JSON.stringify(decodeJwt(fresh).payload, null, 2));
    setProblem(null);
    setSent(null);
  }

  async function send(kind: "edited" | "none") {
    if (!token) return;
    const parsed = parsePayload(payloadText);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    setBusy(true);
    const forged = kind === "edited" ? withPayload(token, parsed.payload) : unsignedToken(token, parsed.payload);
    const what = kind === "edited" ? "the edited payload with the original signature" : "the edited payload, alg: none, no signature";
    const ex = await labFetch<{ user?: { role?: string } }>("jwt", `Send ${what}`, "/api/me?mode=jwt", { bearer: forged, sent: `Authorization: Bearer <${what}>` });
    setBusy(false);
    setSent({ what, status: ex.status, ...(ex.code ? { code: ex.code } : {}), ...(ex.body?.user?.role ? { role: ex.body.user.role } : {}) });
  }

  const parts = token ? decodeJwt(token) : null;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Try it yourself: edit a JWT and send it
      </h2>
      <p className="text-sm text-slate-700">Anyone can decode and edit a JWT — it is base64url, not encryption. What nobody can do without the server&apos;s key is sign the result.</p>
      <button type="button" onClick={() => void getToken()} disabled={busy} className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-100">
        {token ? "Get a fresh token" : `Get a token for ${alice.email}`}
      </button>
      {token && parts ? (
        <div className="grid gap-3 md:grid-cols-3">
          <div>
            <p className="text-xs font-semibold uppercase text-rose-800">Header (not editable here)</p>
            <pre className="mt-1 whitespace-pre-wrap rounded border-l-4 border-rose-600 bg-rose-50 p-2 font-mono text-xs">{JSON.stringify(parts.header, null, 2)}</pre>
          </div>
          <div>
            <label htmlFor={`${id}-payload`} className="text-xs font-semibold uppercase text-violet-800">
              Payload (JSON, editable)
            </label>
            <textarea
              id={`${id}-payload`}
              value={payloadText}
              onChange={(e) => setPayloadText(e.target.value)}
              rows={10}
              spellCheck={false}
              className="mt-1 w-full rounded border-l-4 border-violet-600 bg-violet-50 p-2 font-mono text-xs"
            />
          </div>
          <div>
            <p className="text-xs font-semibold uppercase text-sky-800">Signature (kept as issued)</p>
            <pre className="mt-1 whitespace-pre-wrap break-all rounded border-l-4 border-sky-600 bg-sky-50 p-2 font-mono text-xs">{parts.signature}</pre>
          </div>
        </div>
      ) : null}
      {token ? (
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => void send("edited")} disabled={busy} className="rounded bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700">
            Send the edited token
          </button>
          <button type="button" onClick={() => void send("none")} disabled={busy} className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-100">
            Send it unsigned (alg: none)
          </button>
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      ) : null}
      <p role="status" aria-label="Edited token result" className="text-sm">
        {sent
          ? sent.status === 200
            ? `Sent ${sent.what}: 200 — accepted, role ${sent.role ?? "?"} (an unchanged payload verifies, of course).`
            : `Sent ${sent.what}: ${sent.status}${sent.code ? ` ${sent.code}` : ""} — refused.`
          : ""}
      </p>
    </section>
  );
}
