import type { Settings } from "../settings/schema";
import type { SessionStore, StoreKind } from "./types";

/**
 * Which session store a request uses. An admin can switch the store at run time (the
 * `sessionStore` setting), so the strategy asks per request instead of holding one store.
 */
export interface SessionStoreProvider {
  /** Where new sessions go and where lookups look, under these settings. */
  active(settings: Pick<Settings, "sessionStore">): SessionStore;
  /** The store of this kind, if this server has one (the Redis store needs REDIS_URL). */
  get(kind: StoreKind): SessionStore | undefined;
  /** Every store that may hold a session: "end every session of this user" must reach them all. */
  all(): SessionStore[];
}

/** A provider over the stores this server has; an unavailable choice falls back to `fallback`. */
export function sessionStoreProvider(stores: Partial<Record<StoreKind, SessionStore>>, fallback: StoreKind): SessionStoreProvider {
  const fallbackStore = stores[fallback];
  if (!fallbackStore) throw new Error(`session store provider: no ${fallback} store`);
  return {
    active: (settings) => stores[settings.sessionStore] ?? fallbackStore,
    get: (kind) => stores[kind],
    all: () => Object.values(stores).filter((s): s is SessionStore => s !== undefined),
  };
}

/** A provider with one store (tests, and any server that does not switch). */
export function singleSessionStore(store: SessionStore): SessionStoreProvider {
  return { active: () => store, get: (kind) => (kind === store.kind ? store : undefined), all: () => [store] };
}
