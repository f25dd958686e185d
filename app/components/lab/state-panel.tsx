"use client";

import { useCallback, useState } from "react";
import { Term } from "../glossary/term";
import { ScrollTable } from "../scroll-table";
import { FamilyTree } from "./family-tree";
import { lab } from "./lab-client";
import type { ServerStateView } from "./state-types";
import { useReloadOnLabActivity } from "./use-lab-events";

function time(iso: string): string {
  return new Date(iso).toISOString().slice(11, 19);
}

/** What the server holds right now — sessions, refresh families, denylist, security events — after every action. */
export function StatePanel() {
  const [state, setState] = useState<ServerStateView | null>(null);
  const reload = useCallback(async () => {
    const answer = await lab.state({ quiet: true });
    if (answer.ok) setState(answer.body as ServerStateView);
  }, []);
  useReloadOnLabActivity(reload, 200);

  if (!state) return <p className="text-sm text-slate-600">Reading server state…</p>;
  return (
    <section aria-labelledby="state-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <header>
        <h2 id="state-heading" className="text-xl font-bold">
          Server state
        </h2>
        <p className="text-sm text-slate-700">
          {state.scope === "all" ? "An admin credential is present: you see everything the server holds." : `You see what belongs to ${state.viewers.length ? state.viewers.join(" and ") : "nobody (sign in in a pane)"}.`}{" "}
          Instance <code data-testid="instance-id">{state.instance.id}</code>, started {time(state.instance.startedAt)} · sessions in the{" "}
          <strong>{state.instance.sessionStore}</strong> store · denylist in the <strong>{state.instance.denylistStore}</strong> store · auth clock {time(state.now)}
        </p>
      </header>

      <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
        <section aria-labelledby="sessions-heading">
          <h3 id="sessions-heading" className="font-semibold">
            Sessions table ({state.sessions.length})
          </h3>
          {state.sessions.length ? (
            <ScrollTable label="Sessions table">
              <table className="w-full min-w-[26rem] text-xs" aria-labelledby="sessions-heading">
                <thead>
                  <tr className="text-left">
                    <th scope="col" className="pr-2">
                      <Term id="token-hash" standalone>
                        id (sha256 prefix)
                      </Term>
                    </th>
                    <th scope="col" className="pr-2">user</th>
                    <th scope="col" className="pr-2">last seen</th>
                    <th scope="col" className="pr-2">
                      <Term id="idle-timeout" standalone>
                        idle until
                      </Term>
                    </th>
                    <th scope="col">
                      <Term id="absolute-timeout" standalone>
                        absolute until
                      </Term>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {state.sessions.map((s) => (
                    <tr key={s.idPrefix} data-session={s.idPrefix}>
                      <td className="pr-2 font-mono">{s.idPrefix}…</td>
                      <td className="pr-2">{s.userEmail}</td>
                      <td className="pr-2">{time(s.lastSeenAt)}</td>
                      <td className="pr-2">{time(s.idleExpiresAt)}</td>
                      <td>{time(s.absoluteExpiresAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          ) : (
            <p className="text-xs text-slate-600" data-testid="no-sessions">No live sessions.</p>
          )}
        </section>

        <section aria-labelledby="families-heading">
          <h3 id="families-heading" className="font-semibold">
            <Term id="refresh-family">Refresh-token families</Term> ({state.families.length})
          </h3>
          <div className="max-h-72 space-y-2 overflow-auto" tabIndex={0} role="group" aria-label="Refresh-token families (scrolls)">
            {state.families.length ? state.families.map((f) => <FamilyTree key={f.id} family={f} />) : <p className="text-xs text-slate-600">No refresh tokens issued.</p>}
          </div>
        </section>

        <section aria-labelledby="denylist-heading">
          <h3 id="denylist-heading" className="font-semibold">
            JWT <Term id="denylist">denylist</Term> ({state.denylist.length})
          </h3>
          {state.denylist.length ? (
            <ul className="text-xs">
              {state.denylist.map((d) => (
                <li key={`${d.kind}-${d.target}`} className="font-mono break-all">
                  {d.kind === "jti" ? `jti ${d.target}` : `every token of ${d.target} issued before ${d.notBefore ? time(d.notBefore) : "?"}`} — kept until {time(d.expiresAt)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-xs text-slate-600">Empty. Logged-out access tokens are recorded here only while the denylist setting is on.</p>
          )}
        </section>

        <section aria-labelledby="events-heading">
          <h3 id="events-heading" className="font-semibold">
            Security events
          </h3>
          {state.events.length ? (
            <ul className="max-h-48 overflow-auto text-xs" tabIndex={0} aria-label="Security events (scrolls)">
              {state.events.map((e) => (
                <li key={e.id} data-event={e.kind}>
                  {time(e.at)} <strong>{e.kind}</strong>
                  {e.userEmail ? ` — ${e.userEmail}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-xs text-slate-600">None yet.</p>
          )}
        </section>
      </div>
    </section>
  );
}
