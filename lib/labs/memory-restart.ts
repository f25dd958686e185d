import { StoreUnavailableError } from "../errors";
import type { SessionStoreProvider } from "../stores/session-store-provider";
import { SERVER_HOUSEKEEPING } from "../stores/store-fault";
import type { StoreKind } from "../stores/types";

/** What POST /api/labs/current/memory-store/restart answers. */
export interface MemoryRestartReport {
  labId: string;
  /** How many of the lab's sessions this process held in memory: every one of them is gone now. */
  droppedSessions: number;
  /** The lab's sessions in each other store this server has, untouched; null when that store did not answer. */
  kept: { kind: StoreKind; sessions: number | null }[];
}

/**
 * Does to one lab's sessions in this process's memory what a restart of the process does to all of
 * them: the memory session store forgets them (its real data, not a flag), so their cookies get
 * 401 SESSION_NOT_FOUND from now on. The database and Redis hold theirs outside the process and
 * keep them, which is what a restart does too; they are counted, never touched. No other lab's
 * memory sessions go. (The denylist never lives in memory on a server: DENYLIST_STORE is
 * `database` or `redis`.) The server's own housekeeping: the lab's outage switch does not stop it.
 */
export async function restartMemorySessions(sessionStores: SessionStoreProvider, labId: string, maxSessionsPerLab: number): Promise<MemoryRestartReport> {
  const kept: MemoryRestartReport["kept"] = [];
  for (const store of sessionStores.all(SERVER_HOUSEKEEPING)) {
    if (store.kind === "memory") continue;
    try {
      kept.push({ kind: store.kind, sessions: (await store.listAll(labId, maxSessionsPerLab)).length });
    } catch (error) {
      // A store that is down does not stop the restart: it holds nothing of this process's memory.
      if (!(error instanceof StoreUnavailableError)) throw error;
      kept.push({ kind: store.kind, sessions: null });
    }
  }
  const memory = sessionStores.get("memory", SERVER_HOUSEKEEPING);
  if (!memory) return { labId, droppedSessions: 0, kept };
  const droppedSessions = (await memory.listAll(labId, maxSessionsPerLab)).length;
  await memory.deleteLab(labId);
  return { labId, droppedSessions, kept };
}
