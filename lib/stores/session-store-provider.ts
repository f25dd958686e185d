import type { Settings } from "../settings/schema";
import { labSessionStore, type LabFault } from "./store-fault";
import type { SessionStore, StoreKind } from "./types";

/** What picks a request's session store: the operator's choice of store, and the lab's outage switch. */
export type StoreChoice = Pick<Settings, "sessionStore"> & LabFault;

/**
 * Which session store a request uses. The operator can switch the store at run time (the
 * `sessionStore` setting), so the strategy asks per request instead of holding one store; and a
 * lab's outage switch (`storeFault`) makes every store the lab reaches refuse (store-fault.ts).
 */
export interface SessionStoreProvider {
  /** Where new sessions go and where lookups look, under these settings. */
  active(settings: StoreChoice): SessionStore;
  /** The store of this kind, if this server has one (the Redis store needs REDIS_URL), as the lab sees it. */
  get(kind: StoreKind, lab: LabFault): SessionStore | undefined;
  /** Every store that may hold a session, as the lab sees them: "end every session of this user" must reach them all. */
  all(lab: LabFault): SessionStore[];
}

/** A provider over the stores this server has; an unavailable choice falls back to `fallback`. */
export function sessionStoreProvider(stores: Partial<Record<StoreKind, SessionStore>>, fallback: StoreKind): SessionStoreProvider {
  const fallbackStore = stores[fallback];
  if (!fallbackStore) throw new Error(`session store provider: no ${fallback} store`);
  const present = Object.values(stores).filter((s): s is SessionStore => s !== undefined);
  return {
    active: (settings) => labSessionStore(stores[settings.sessionStore] ?? fallbackStore, settings),
    get: (kind, lab) => {
      const store = stores[kind];
      return store && labSessionStore(store, lab);
    },
    all: (lab) => present.map((store) => labSessionStore(store, lab)),
  };
}

/** A provider with one store (tests, and any server that does not switch). */
export function singleSessionStore(store: SessionStore): SessionStoreProvider {
  return {
    active: (settings) => labSessionStore(store, settings),
    get: (kind, lab) => (kind === store.kind ? labSessionStore(store, lab) : undefined),
    all: (lab) => [labSessionStore(store, lab)],
  };
}
