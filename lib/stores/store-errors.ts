import { AsyncLocalStorage } from "node:async_hooks";
import { databaseKind } from "../db/database-url";
import { appEnv } from "../config/env";
import { StoreUnavailableError } from "../errors";
import { countStoreQuery } from "../trace/context";

const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "SQLITE_BUSY"]);

/** An error and its causes, outermost first, at most five deep: where a driver's error code may sit. */
export function* causeChain(error: unknown): Generator<Error & { code?: unknown }> {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) yield e as Error & { code?: unknown };
}

function isUnavailable(error: unknown): boolean {
  for (const e of causeChain(error)) {
    const code = e.code;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|connect timeout|timeout exceeded when trying to connect|Query read timeout|database is locked|Can't reach database/i.test(e.message)) return true;
  }
  return false;
}

/** Seconds a client is told to wait (Retry-After) per backend: Redis reconnects within about a second; the rest get the default. */
const RETRY_AFTER_SECONDS: Readonly<Record<string, number>> = { redis: 2 };

/**
 * The one error every store adapter throws when its backend cannot be reached (refused, reset,
 * timed out): built here for all of them, so that a lab's outage switch (store-fault.ts) throws
 * exactly what a real outage throws — same message, same Retry-After, same `backend`.
 */
export function storeUnavailable(backend: string, cause: unknown): StoreUnavailableError {
  return new StoreUnavailableError(`${backend} is unavailable`, { cause, backend, retryAfterSeconds: RETRY_AFTER_SECONDS[backend] });
}

export interface StoreOpOptions {
  /**
   * The most one operation may take, start to answer, before it counts as unavailable. Defaults to
   * STORE_TIMEOUT_MS on PostgreSQL, where the driver bounds getting a connection and waiting for the
   * answer separately (each alone could use the whole bound); `null` for none. SQLite needs none:
   * it answers synchronously from a local file, so a timer could not interrupt it anyway.
   */
  deadlineMs?: number | null;
}

function defaultDeadlineMs(): number | null {
  return databaseKind() === "postgres" ? appEnv().storeTimeoutMs : null;
}

/** `promise`, or an ETIMEDOUT error once `ms` have passed without an answer. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: "ETIMEDOUT" })), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/**
 * The backends found unavailable during the request being served. Once one operation of a request
 * has waited out the bound (or been refused), the request's later operations on that backend fail
 * at once instead of each waiting the bound again: a hung database costs a request one timeout,
 * not one per query (the lab's state, the settings, the session…). On globalThis, like the trace's
 * context: every Next bundle must see the same scope.
 */
const globalForScope = globalThis as typeof globalThis & { __authlabStoreScope?: AsyncLocalStorage<Set<string>> };
const scope = (globalForScope.__authlabStoreScope ??= new AsyncLocalStorage<Set<string>>());

/** Runs one request's work with its own record of unavailable backends. */
export function withStoreScope<T>(fn: () => Promise<T>): Promise<T> {
  return scope.run(new Set(), fn);
}

/**
 * Every store operation goes through here: it is counted on the request's trace (real
 * instrumentation, not a guess), bounded in time (see {@link StoreOpOptions.deadlineMs}), and an
 * unreachable or silent backend becomes `StoreUnavailableError` (a 503 with Retry-After).
 */
export async function storeOp<T>(backend: string, fn: () => Promise<T>, options: StoreOpOptions = {}): Promise<T> {
  const down = scope.getStore();
  if (down?.has(backend)) throw new StoreUnavailableError(`${backend} is unavailable (it already failed during this request)`, { backend });
  countStoreQuery();
  const deadlineMs = options.deadlineMs === undefined ? defaultDeadlineMs() : options.deadlineMs;
  try {
    return await (deadlineMs === null ? fn() : withDeadline(fn(), deadlineMs));
  } catch (error) {
    if (isUnavailable(error)) {
      down?.add(backend);
      throw storeUnavailable(backend, error);
    }
    throw error;
  }
}
