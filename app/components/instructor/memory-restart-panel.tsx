"use client";

import { useCallback, useState } from "react";
import type { StoreKind } from "@/lib/stores/types";
import { apiFetch } from "../api-client";
import { announceRefresh, lab, type MemoryRestartAnswer } from "../lab/lab-client";
import { useReloadOnLabActivity } from "../lab/use-lab-events";
import { adminCredential, type AdminAccess } from "./admin-access";

const STORE_WORDS: Record<StoreKind, string> = { memory: "memory", database: "database", redis: "Redis" };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function describe(answer: MemoryRestartAnswer): string {
  const kept = answer.kept.map((k) => `${STORE_WORDS[k.kind]}: ${k.sessions === null ? "did not answer" : `${plural(k.sessions, "session")} kept`}`).join("; ");
  const where =
    answer.activeSessionStore === "memory"
      ? "Sessions go to memory on this server right now, so a Session pane signed in before the restart now gets 401 SESSION_NOT_FOUND: sign in again."
      : `Sessions go to the ${STORE_WORDS[answer.activeSessionStore]} store on this server right now: they survive, as they would a real restart.`;
  return `This process forgot ${plural(answer.droppedSessions, "session")} of this lab held in memory (${kept || "no other store"}). ${where}`;
}

/**
 * "Restart the memory store": this process forgets the lab's sessions it keeps in memory — the
 * memory store's real data, as a restart of the process loses it — while the database and Redis
 * keep theirs. Which store new sessions go to is the operator's, for the whole server.
 */
export function MemoryRestartPanel({ access }: { access: AdminAccess | null }) {
  const [active, setActive] = useState<{ store: StoreKind; available: StoreKind[] } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const res = await apiFetch<{ stores: { session: { active: StoreKind; available: StoreKind[] } } }>("/api/settings");
    if (res.ok) setActive({ store: res.data.stores.session.active, available: res.data.stores.session.available });
  }, []);
  useReloadOnLabActivity(load);

  const restart = async () => {
    if (!access) return;
    setBusy(true);
    const answer = await lab.restartMemoryStore(adminCredential(access));
    setBusy(false);
    if (answer.ok && answer.body) setMessage({ ok: true, text: describe(answer.body) });
    else setMessage({ ok: false, text: `${answer.status} ${answer.code ?? ""}: nothing was restarted.` });
    announceRefresh();
  };

  return (
    <div className="space-y-3" data-testid="memory-restart">
      <p className="max-w-3xl text-slate-700">
        A process restart (a deploy, a crash) empties everything the process held in memory. The <strong>memory</strong> session store is such memory: its sessions die,
        and their cookies get <code>401 SESSION_NOT_FOUND</code> — everyone is logged out. Sessions in the <strong>database</strong> or <strong>Redis</strong> live outside the
        process and survive. This button does to this lab&apos;s memory sessions what a restart does (really empties them), and to nothing else: other labs keep theirs.
      </p>
      <p className="max-w-3xl text-sm text-slate-700" data-testid="memory-restart-active">
        {active
          ? `Sessions on this server go to the ${STORE_WORDS[active.store]} store right now — the operator's choice, for every lab (available here: ${active.available.map((k) => STORE_WORDS[k]).join(", ")}). ${
              active.store === "memory" ? "Sign the Session pane in, restart, and call the API again." : "So nothing of a new login is in memory: it survives the restart, which is the lesson for the database and Redis."
            }`
          : ""}
      </p>
      <button
        type="button"
        onClick={() => void restart()}
        disabled={!access || busy}
        className="inline-flex min-h-8 items-center rounded bg-slate-900 px-3 py-1 text-sm font-medium text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:bg-slate-400"
      >
        {busy ? "Restarting…" : "Restart the memory store"}
      </button>
      {!access ? <p className="text-sm text-slate-700">Sign in as the lab&apos;s admin above to restart.</p> : null}
      {message ? (
        <p role="status" className={`max-w-3xl text-sm ${message.ok ? "text-emerald-900" : "text-red-800"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
