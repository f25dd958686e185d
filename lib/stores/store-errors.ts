import { StoreUnavailableError } from "../errors";
import { countStoreQuery } from "../trace/context";

const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "SQLITE_BUSY"]);

function isUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|connect timeout|timeout exceeded when trying to connect|Query read timeout|database is locked|Can't reach database/i.test(e.message)) return true;
  }
  return false;
}

/**
 * Every store operation goes through here: it is counted on the request's trace (real
 * instrumentation, not a guess) and an unreachable backend becomes `StoreUnavailableError`.
 */
export async function storeOp<T>(backend: string, fn: () => Promise<T>): Promise<T> {
  countStoreQuery();
  try {
    return await fn();
  } catch (error) {
    if (isUnavailable(error)) throw new StoreUnavailableError(`${backend} is unavailable`, { cause: error, backend });
    throw error;
  }
}
