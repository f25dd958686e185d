"use client";

import { useState } from "react";
import { serverCodeLesson } from "@/lib/workbench/server-codes";
import { TraceView } from "../components/trace-view";
import { primaryButton } from "./styles";
import { sendToAuthLab, type ServerVerdict } from "./workbench-api";

function verdictLine(verdict: ServerVerdict): string {
  if (verdict.status === 0) return "The server could not be reached.";
  if (verdict.status === 200) return `200 — accepted: the server says this is ${verdict.user?.email ?? "?"}, role ${verdict.user?.role ?? "?"}.`;
  return `${verdict.status}${verdict.code ? ` ${verdict.code}` : ""} — refused${verdict.message ? `: ${verdict.message}` : "."}`;
}

/** Sends one token to AuthLab's protected route and shows the real server's verdict and trace. */
export function SendToAuthLab({ token, name }: { token: string; name: string }) {
  const [sent, setSent] = useState<{ token: string; verdict: ServerVerdict } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send() {
    setBusy(true);
    const verdict = await sendToAuthLab(token);
    setBusy(false);
    setSent({ token, verdict });
  }

  // An answer belongs to the token it was given for; once the token changes it is no longer shown.
  const verdict = sent?.token === token ? sent.verdict : null;
  const lesson = verdict && verdict.status !== 200 ? serverCodeLesson(verdict.code) : null;
  return (
    <div className="space-y-2">
      <button type="button" onClick={() => void send()} disabled={busy} className={primaryButton}>
        Send to AuthLab
      </button>
      <p className="text-sm text-slate-600">
        <code>GET /api/me?mode=jwt</code> with <code>Authorization: Bearer &lt;this token&gt;</code> and no cookies, so the answer is about this token alone.
      </p>
      <div role="status" aria-label={name} className="space-y-2">
        {verdict ? (
          <>
            <p className={`rounded border-l-4 p-2 text-sm font-semibold ${verdict.status === 200 ? "border-emerald-600 bg-emerald-50" : "border-red-600 bg-red-50"}`} data-testid="server-verdict">
              {verdictLine(verdict)}
            </p>
            {lesson ? <p className="text-sm">{lesson}</p> : null}
            {verdict.trace ? <TraceView trace={verdict.trace} title="What the server did with it" /> : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
