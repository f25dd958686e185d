"use client";

import { useCallback, useState } from "react";
import { Term } from "../glossary/term";
import { ScrollTable } from "../scroll-table";
import { LabPanel } from "./lab-panel";
import { lab, labFetch } from "./lab-client";
import { useReloadOnLabActivity } from "./use-lab-events";

type StoreKind = "memory" | "database" | "redis";

interface HealthView {
  instanceId: string;
  checkedAt: string;
  storeTimeoutMs: number;
  stores: Record<"session" | "denylist" | "rateLimit" | "database", { kind: StoreKind; engine: string; ok: boolean; latencyMs: number; error?: string }>;
}

interface StoresView {
  session: { active: StoreKind; default: StoreKind; available: StoreKind[]; switching: string };
  kinds: Record<StoreKind, string>;
}

const ROLE_LABEL: Record<keyof HealthView["stores"], string> = {
  session: "Sessions",
  denylist: "JWT denylist",
  rateLimit: "Login rate limits",
  database: "Users, refresh families, settings",
};


/**
 * Where each kind of state lives on this instance and whether it answers right now — and the
 * switch of the session store with what switching does to sessions. The session store is the
 * server's, shared by every lab, so the switch is the operator's (OPERATOR_TOKEN), never a lab's
 * demo admin's: the token typed here stays in this page's memory.
 */
export function StorePanel() {
  const [health, setHealth] = useState<HealthView | null>(null);
  const [stores, setStores] = useState<StoresView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [operatorToken, setOperatorToken] = useState("");

  const reload = useCallback(async () => {
    const [h, s] = await Promise.all([labFetchQuiet("/api/lab/health"), labFetchQuiet("/api/settings")]);
    if (h) setHealth(h as HealthView);
    if (s) setStores((s as { stores?: StoresView }).stores ?? null);
  }, []);
  useReloadOnLabActivity(reload, 250);

  async function switchTo(kind: StoreKind) {
    setMessage(null);
    const answer = await lab.switchSessionStore(kind, operatorToken.trim());
    setMessage(answer.ok ? `New sessions now go to the ${kind} store.` : `Switch refused: ${answer.status} ${answer.code ?? ""}`);
  }

  return (
    <LabPanel id="stores" title="Stores" gist="Where sessions, the denylist and login counters live, and whether each answers right now.">
      {health ? (
        <ScrollTable label="Store health">
        <table className="w-full min-w-[30rem] text-sm" aria-labelledby="stores-heading">
          <thead>
            <tr className="text-left">
              <th scope="col">holds</th>
              <th scope="col">store</th>
              <th scope="col">health</th>
              <th scope="col">probe</th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(ROLE_LABEL) as (keyof HealthView["stores"])[]).map((role) => {
              const h = health.stores[role];
              return (
                <tr key={role} data-store-role={role}>
                  <td className="pr-2">{ROLE_LABEL[role]}</td>
                  <td>
                    {h.kind} ({h.engine})
                  </td>
                  <td>
                    <strong className={h.ok ? "text-emerald-800" : "text-red-800"} data-testid={`store-health-${role}`}>
                      {h.ok ? "✓ up" : `✗ down — ${h.error ?? "unreachable"}`}
                    </strong>
                  </td>
                  <td className="font-mono text-xs">{h.latencyMs} ms</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </ScrollTable>
      ) : (
        <p className="text-sm text-slate-600">Checking the stores…</p>
      )}
      <p className="text-xs text-slate-600">
        A store that does not answer within {health?.storeTimeoutMs ?? "…"} ms counts as down: requests that need it get 503 with Retry-After and keep their cookie; when it
        returns, the same cookie works again. JWTs keep verifying without any store (unless the <Term id="denylist">denylist</Term> is on).
      </p>
      {stores ? (
        <div className="space-y-1 text-sm">
          <p>
            New sessions go to the <strong data-testid="active-session-store">{stores.session.active}</strong> store. {stores.kinds[stores.session.active]}
          </p>
          <div role="group" aria-label="Session store" className="flex flex-wrap gap-2">
            {stores.session.available.map((kind) => (
              <button
                key={kind}
                type="button"
                aria-pressed={stores.session.active === kind}
                onClick={() => void switchTo(kind)}
                className="min-h-8 rounded border border-slate-300 px-3 py-1 text-sm aria-pressed:bg-slate-900 aria-pressed:text-white"
              >
                Sessions in {kind}
              </button>
            ))}
          </div>
          <label className="block text-xs text-slate-700">
            Operator token (the store is the server&apos;s, shared by every lab: only its operator switches it; a local run keeps the token in data/secrets.json)
            <input
              type="password"
              autoComplete="off"
              value={operatorToken}
              onChange={(e) => setOperatorToken(e.target.value)}
              aria-label="Operator token"
              className="mt-1 block w-full max-w-sm rounded border border-slate-300 px-2 py-1 font-mono text-sm"
            />
          </label>
          <p className="text-xs text-slate-700">{stores.session.switching}</p>
          <p aria-live="polite" className="text-sm" data-testid="store-switch-message">
            {message ?? ""}
          </p>
        </div>
      ) : null}
    </LabPanel>
  );
}

async function labFetchQuiet(path: string): Promise<unknown> {
  const answer = await labFetch("lab", `Read ${path}`, path, { quiet: true });
  return answer.ok ? answer.body : null;
}
