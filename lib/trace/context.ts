import { AsyncLocalStorage } from "node:async_hooks";
import type { Trace } from "./trace";

/**
 * The trace of the request being served, so that store adapters can count their queries without
 * every call site passing it along. Kept on globalThis: Next bundles the proxy, route handlers and
 * pages separately, and a module-level instance per bundle would miss queries made by a store that
 * another bundle created.
 */
const globalForTrace = globalThis as typeof globalThis & { __authlabTraceStorage?: AsyncLocalStorage<Trace> };
const storage = (globalForTrace.__authlabTraceStorage ??= new AsyncLocalStorage<Trace>());

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
