"use client";

import { useCallback, useState } from "react";
import type { InstanceInfo } from "@/lib/config/instance";
import { Term } from "../glossary/term";
import { LabPanel } from "./lab-panel";
import { lab, type PaneMode } from "./lab-client";
import { useReloadOnLabActivity } from "./use-lab-events";

function verdictOf(status: number, code: string | undefined): string {
  if (status === 200) return "200 — accepted there";
  return `${status || "no answer"}${code ? ` ${code}` : ""}`;
}

/**
 * Several instances of the app: which one served this page, when it started (a restart shows), and —
 * when other instances are configured (PEER_URLS) — the same credential sent to another one.
 */
export function InstancesPanel({ jwtBearer }: { jwtBearer: () => string | null }) {
  const [info, setInfo] = useState<InstanceInfo | null>(null);
  const [results, setResults] = useState<Record<string, string>>({});
  const reload = useCallback(async () => {
    // A background read, like every panel's: announcing it would wake every panel again, this one included.
    const answer = await lab.instance({ quiet: true });
    if (answer.ok && answer.body) setInfo(answer.body);
  }, []);
  useReloadOnLabActivity(reload, 400);

  async function send(pane: PaneMode, target: string) {
    const answer = await lab.otherInstance(pane, target, pane === "jwt" ? jwtBearer() : null);
    const text = answer.ok && answer.body ? `${verdictOf(answer.body.status, answer.relayed?.code)} (served by ${answer.body.trace?.instanceId ?? "?"})` : `${answer.status} ${answer.code ?? ""}`;
    setResults((previous) => ({ ...previous, [`${pane} ${target}`]: text }));
  }

  return (
    <LabPanel id="instances" title="Instances" gist="Which copy of the server answered, and what another copy makes of the same credential.">
      {info ? (
        <p className="text-sm">
          This page talks to <Term id="instance">instance</Term> <code data-testid="this-instance">{info.instanceId}</code> (pid {info.pid}), started{" "}
          <time dateTime={info.startedAt}>{new Date(info.startedAt).toLocaleTimeString()}</time>. Sessions live in its <strong>{info.sessionStore}</strong> store, the
          denylist in <strong>{info.denylistStore}</strong>. A restart changes the start time: memory sessions are gone then; database and Redis sessions and JWTs
          (their keys are persisted) survive.
        </p>
      ) : (
        <p className="text-sm text-slate-600">Asking which instance this is…</p>
      )}
      {info && info.peers.length ? (
        <ul className="space-y-2">
          {info.peers.map((peer) => (
            <li key={peer} className="rounded border border-slate-200 p-2 text-sm">
              <p className="wrap-anywhere">
                Other instance <code>{peer}</code>
              </p>
              <div className="mt-1 grid gap-2 md:grid-cols-2">
                {(["session", "jwt"] as const).map((pane) => (
                  <div key={pane}>
                    <button type="button" onClick={() => void send(pane, peer)} className="min-h-8 rounded border border-slate-300 px-3 py-1 text-left text-sm wrap-anywhere">
                      Send my {pane === "session" ? "session cookie" : "JWT"} to {peer}
                    </button>
                    <p aria-live="polite" className="text-sm" data-testid={`peer-${pane}`}>
                      {results[`${pane} ${peer}`] ?? ""}
                    </p>
                  </div>
                ))}
              </div>
            </li>
          ))}
        </ul>
      ) : info ? (
        <p className="text-xs text-slate-600">
          No other instance is configured. Start several with <code>npm run instances</code> (see the README): then a session cookie sent to another instance gets 401
          with the memory store and 200 with a shared store, and a JWT gets 200 with no store at all.
        </p>
      ) : null}
    </LabPanel>
  );
}
