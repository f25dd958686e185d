import { AsyncLocalStorage } from "node:async_hooks";
import type { Trace } from "./trace";

/**
 * The trace of the request being served, so that store adapters can count their queries without
 * every call site passing it along.
 */
const storage = new AsyncLocalStorage<Trace>();

export function runWithTrace<T>(trace: Trace, fn: () => Promise<T>): Promise<T> {
  return storage.run(trace, fn);
}

export function currentTrace(): Trace | undefined {
  return storage.getStore();
}

/** Store adapters call this once per backend operation. */
export function countStoreQuery(count = 1): void {
  storage.getStore()?.countStoreQuery(count);
}
