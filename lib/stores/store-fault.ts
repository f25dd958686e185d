import type { StoreUnavailableError } from "../errors";
import type { Settings } from "../settings/schema";
import { countStoreQuery } from "../trace/context";
import { storeUnavailable } from "./store-errors";
import type { DenylistStore, SessionStore, StoreKind } from "./types";

/**
 * A lab's outage switch (its `storeFault` setting), at the adapter boundary: while it is on, the
 * lab's session store and denylist store refuse every operation the way their backend does when it
 * refuses the connection — the same `StoreUnavailableError` the real adapter throws on
 * ECONNREFUSED (built by the same function, store-errors.ts), counted as one store operation on
 * the trace like any attempt. Everything above the adapter — strategies, routes, pages — runs its
 * real outage path: a session is a 503 with its cookie left alone, a JWT verifies without a store,
 * the denylist fails closed. Nothing is faked in the browser, and no other lab is touched: the
 * decorator is chosen per request, from the request's lab settings.
 */

/** Which of a request's settings decide the fault: the lab's own switch. */
export type LabFault = Pick<Settings, "storeFault">;

/**
 * Work the server does for itself on a lab's stores — deleting, resetting, expiring a lab,
 * restarting its memory store — which a lab's outage switch never stands in the way of (a reset is
 * how the switch is turned off when every credential of the lab is refused).
 */
export const SERVER_HOUSEKEEPING: LabFault = { storeFault: false };

/** The cause a refusing adapter reports (in the server's log line, never to the client). */
function refusal(kind: StoreKind): StoreUnavailableError {
  const cause = Object.assign(new Error(`connect ECONNREFUSED: this lab's outage switch is on, so its ${kind} store refuses every operation`), { code: "ECONNREFUSED" });
  return storeUnavailable(kind, cause);
}

/** One attempted operation: counted like a real one (the adapter did try), then refused. */
function refuser(kind: StoreKind): () => Promise<never> {
  return async () => {
    countStoreQuery();
    throw refusal(kind);
  };
}

/** `store`, refusing every operation as its backend does when it refuses the connection. */
export function refusingSessionStore(store: SessionStore): SessionStore {
  const refuse = refuser(store.kind);
  const refusing: SessionStore = {
    kind: store.kind,
    create: refuse,
    get: refuse,
    touch: refuse,
    delete: refuse,
    deleteByUser: refuse,
    listByUser: refuse,
    listAll: refuse,
    trimLab: refuse,
    deleteLab: refuse,
  };
  // The same shape as the store it stands for: the strategy takes the one-query path where the store has it.
  if (store.getWithUser) refusing.getWithUser = refuse;
  return refusing;
}

/** `store`, refusing every operation as its backend does when it refuses the connection. */
export function refusingDenylistStore(store: DenylistStore): DenylistStore {
  const refuse = refuser(store.kind);
  return { kind: store.kind, add: refuse, check: refuse, list: refuse, clear: refuse };
}

// One refusing twin per store, made on first use: a request in a faulted lab allocates nothing.
const refusingSessions = new WeakMap<SessionStore, SessionStore>();
const refusingDenylists = new WeakMap<DenylistStore, DenylistStore>();

/** The session store as this request's lab sees it: itself, or — with the lab's outage switch on — its refusing twin. */
export function labSessionStore(store: SessionStore, lab: LabFault): SessionStore {
  if (!lab.storeFault) return store;
  let refusing = refusingSessions.get(store);
  if (!refusing) refusingSessions.set(store, (refusing = refusingSessionStore(store)));
  return refusing;
}

/** The denylist store as this request's lab sees it: itself, or — with the lab's outage switch on — its refusing twin. */
export function labDenylistStore(store: DenylistStore, lab: LabFault): DenylistStore {
  if (!lab.storeFault) return store;
  let refusing = refusingDenylists.get(store);
  if (!refusing) refusingDenylists.set(store, (refusing = refusingDenylistStore(store)));
  return refusing;
}
