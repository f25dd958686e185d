import { describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../errors";
import { runWithTrace } from "../trace/context";
import { Trace } from "../trace/trace";
import { storeOp, withStoreScope } from "./store-errors";

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe("storeOp (docs/SECURITY.md § Stores and outages: an unreachable store is 503, never 'not found')", () => {
  it("returns the operation's value and counts one store query on the current trace", async () => {
    const trace = new Trace("session", "t");
    const value = await runWithTrace(trace, () => trace.step("q", "q", "store", () => storeOp("database", async () => 7)));
    expect(value).toBe(7);
    expect(trace.storeQueries).toBe(1);
  });

  it.each([
    ["Prisma P1001 (can't reach server)", withCode("x", "P1001")],
    ["Prisma P2024 (pool timeout)", withCode("x", "P2024")],
    ["ECONNREFUSED", withCode("connect failed", "ECONNREFUSED")],
    ["SQLITE_BUSY", withCode("busy", "SQLITE_BUSY")],
    ["a 'database is locked' message", new Error("SqliteError: database is locked")],
    ["a connection refusal deep in the cause chain", new Error("query failed", { cause: new Error("wrapped", { cause: withCode("x", "ECONNRESET") }) })],
  ])("turns %s into StoreUnavailableError, keeping the cause", async (_label, error) => {
    const thrown = await storeOp("database", () => Promise.reject(error)).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(StoreUnavailableError);
    expect((thrown as StoreUnavailableError).cause).toBe(error);
    expect((thrown as StoreUnavailableError).retryAfterSeconds).toBeGreaterThan(0);
    expect((thrown as StoreUnavailableError).message).toBe("database is unavailable");
  });

  it("rethrows any other error unchanged (a bug is a 500, not a 503)", async () => {
    const bug = withCode("Unique constraint failed", "P2002");
    await expect(storeOp("database", () => Promise.reject(bug))).rejects.toBe(bug);
    const typeError = new TypeError("x is undefined");
    await expect(storeOp("database", () => Promise.reject(typeError))).rejects.toBe(typeError);
  });
  it("answers StoreUnavailableError once the deadline passes without an answer (a hung server is a 503, not a hung request)", async () => {
    const started = performance.now();
    const thrown = await storeOp("database", () => new Promise<never>(() => undefined), { deadlineMs: 60 }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(thrown).toBeInstanceOf(StoreUnavailableError);
    expect(((thrown as StoreUnavailableError).cause as { code?: string }).code).toBe("ETIMEDOUT");
    expect(elapsed).toBeGreaterThanOrEqual(55);
  });

  it("leaves an operation that answers within the deadline alone", async () => {
    await expect(storeOp("database", async () => "row", { deadlineMs: 1_000 })).resolves.toBe("row");
    const bug = new TypeError("x is undefined");
    await expect(storeOp("database", () => Promise.reject(bug), { deadlineMs: 1_000 })).rejects.toBe(bug);
  });

  it("within one request, a backend that failed once fails at once after: a hung database costs one timeout, not one per query", async () => {
    await withStoreScope(async () => {
      const hung = () => new Promise<never>(() => undefined);
      const started = Date.now();
      await expect(storeOp("database", hung, { deadlineMs: 60 })).rejects.toBeInstanceOf(StoreUnavailableError);
      let called = false;
      const second = storeOp("database", async () => {
        called = true;
        return 1;
      });
      await expect(second).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(called).toBe(false);
      expect(Date.now() - started).toBeLessThan(1_000);
      // Another backend is not affected.
      await expect(storeOp("redis", async () => 2)).resolves.toBe(2);
    });
    // The next request starts afresh.
    await withStoreScope(async () => expect(storeOp("database", async () => 3)).resolves.toBe(3));
  });
});
