"use client";

import { useState } from "react";
import { Term } from "../glossary/term";
import { LabPanel } from "./lab-panel";
import { labFetch, type LabExchange, type PaneMode } from "./lab-client";

interface RelayBody {
  mode?: PaneMode;
  service?: string;
  status?: number;
  body?: { error?: { code?: string; message?: string }; sub?: string; role?: string; email?: string; verifiedWith?: unknown };
  error?: { code?: string; message?: string };
}

function outcome(exchange: LabExchange<RelayBody>): { verdict: string; detail: string } {
  const relay = exchange.body;
  if (!exchange.ok) return { verdict: `not reached (${exchange.status} ${exchange.code ?? ""})`, detail: relay?.error?.message ?? "" };
  const answer = relay?.body;
  if (relay?.status === 200) return { verdict: "200 accepted", detail: `The second service trusted the signature: ${JSON.stringify(answer)}` };
  return { verdict: `${relay?.status} ${answer?.error?.code ?? ""}`, detail: answer?.error?.message ?? "" };
}

/**
 * "Microservices verify without a central lookup", shown: the same browser credentials handed to a
 * separate process that has no database and no session store — only AuthLab's published JWKS.
 */
export function SecondServicePanel({ jwtBearer }: { jwtBearer: () => string | null }) {
  const [results, setResults] = useState<Partial<Record<PaneMode, { verdict: string; detail: string }>>>({});

  async function send(mode: PaneMode) {
    const exchange = await labFetch<RelayBody>(mode, "Send my credential to the second service", `/api/lab/second-service?mode=${mode}`, {
      method: "POST",
      bearer: mode === "jwt" ? jwtBearer() : null,
      sent: mode === "session" ? "__Host-session cookie, relayed to the second service" : "access token, relayed as Authorization: Bearer",
      relay: true,
    });
    setResults((previous) => ({ ...previous, [mode]: outcome(exchange) }));
  }

  return (
    <LabPanel id="second-service" title="A second service" gist="The same credentials sent to a process with no database and no session store.">
      <p className="max-w-4xl text-sm text-slate-700">
        Another process (<code>npm run verifier</code>) with no database and no session store, only the public keys AuthLab publishes (its{" "}
        <Term id="jwks">JWKS</Term>, at <code>/.well-known/jwks.json</code>). A JWT signed with <Term id="signing-algorithm">ES256 or EdDSA</Term> verifies there without asking
        AuthLab anything; a session cookie means nothing there — only AuthLab&apos;s store can resolve it. (With the default HS256 the key is a shared secret and is never
        published, so the second service refuses it too.)
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        {(["session", "jwt"] as const).map((mode) => (
          <div key={mode} className="space-y-1 rounded border border-slate-200 p-2" role="region" aria-label={`Second service with the ${mode === "session" ? "session cookie" : "JWT"}`}>
            <button type="button" onClick={() => void send(mode)} className="min-h-9 rounded border border-slate-300 px-3 py-1.5 text-left text-sm font-medium">
              Send the {mode === "session" ? "session cookie" : "JWT"} to the second service
            </button>
            <p className="text-sm wrap-anywhere" aria-live="polite" data-testid={`second-service-${mode}`}>
              {results[mode] ? (
                <>
                  <strong>{results[mode].verdict}</strong> {results[mode].detail}
                </>
              ) : (
                "Not sent yet."
              )}
            </p>
          </div>
        ))}
      </div>
    </LabPanel>
  );
}
