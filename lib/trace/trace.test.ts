import { afterEach, describe, expect, it, vi } from "vitest";
import { countStoreQuery, currentTrace, runWithTrace } from "./context";
import { Trace } from "./trace";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Trace", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("records steps in order with their kind, label and a measured duration", async () => {
    const trace = new Trace("session", "i-1");
    const value = await trace.step("unseal", "Unseal the cookie", "crypto", async () => {
      await sleep(20);
      return 42;
    });
    await trace.step("check", "Check", "check", () => "sync values work too");
    expect(value).toBe(42);
    expect(trace.steps.map((s) => [s.name, s.kind, s.outcome])).toEqual([
      ["unseal", "crypto", "ok"],
      ["check", "check", "ok"],
    ]);
    expect(trace.steps[0]?.label).toBe("Unseal the cookie");
    // Measured with hrtime in microseconds: a 20 ms sleep is at least ~15 ms, well under a second.
    expect(trace.steps[0]?.durationUs).toBeGreaterThanOrEqual(15_000);
    expect(trace.steps[0]?.durationUs).toBeLessThan(1_000_000);
  });

  it("marks a throwing step failed and rethrows the same error", async () => {
    const trace = new Trace("jwt", "i-1");
    const boom = new Error("boom");
    await expect(
      trace.step("jwt-verify", "Verify", "crypto", () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(trace.steps).toHaveLength(1);
    expect(trace.steps[0]?.outcome).toBe("fail");
  });

  it("fail() marks the most recent step failed with a reason; note() adds detail without failing", async () => {
    const trace = new Trace("jwt", "i-1");
    trace.fail("nothing to mark yet");
    expect(trace.steps).toHaveLength(0);
    await trace.step("a", "A", "check", () => 1);
    trace.note("from Authorization");
    expect(trace.steps[0]).toMatchObject({ outcome: "ok", detail: "from Authorization" });
    await trace.step("b", "B", "check", () => 2);
    trace.fail("expired");
    expect(trace.steps[0]?.outcome).toBe("ok");
    expect(trace.steps[1]).toMatchObject({ outcome: "fail", detail: "expired" });
  });

  it("attributes store queries to the step that made them, through runWithTrace/countStoreQuery", async () => {
    const trace = new Trace("session", "i-1");
    await runWithTrace(trace, async () => {
      expect(currentTrace()).toBe(trace);
      countStoreQuery(); // outside any step: not attributed to a step
      await trace.step("lookup", "Look up", "store", async () => {
        await sleep(1);
        countStoreQuery();
        countStoreQuery(2);
      });
      await trace.step("verify", "Verify", "crypto", () => undefined);
      await trace.step("touch", "Touch", "store", () => countStoreQuery());
    });
    expect(trace.steps.map((s) => s.storeQueries)).toEqual([3, 0, 1]);
    expect(trace.storeQueries).toBe(4);
    expect(trace.toJSON().storeQueries).toBe(4);
  });

  it("attributes queries in a nested step to the inner step only", async () => {
    const trace = new Trace("session", "i-1");
    await runWithTrace(trace, () =>
      trace.step("outer", "Outer", "store", async () => {
        countStoreQuery();
        await trace.step("inner", "Inner", "store", () => countStoreQuery(5));
        countStoreQuery();
      }),
    );
    const byName = Object.fromEntries(trace.steps.map((s) => [s.name, s.storeQueries]));
    expect(byName).toEqual({ inner: 5, outer: 2 });
  });

  it("counts nothing outside runWithTrace, and keeps concurrent requests apart", async () => {
    expect(currentTrace()).toBeUndefined();
    expect(() => countStoreQuery()).not.toThrow();
    const a = new Trace("session", "i-1");
    const b = new Trace("jwt", "i-1");
    await Promise.all([
      runWithTrace(a, () => a.step("q", "Q", "store", async () => {
        await sleep(5);
        countStoreQuery(1);
      })),
      runWithTrace(b, () => b.step("q", "Q", "store", async () => {
        await sleep(1);
        countStoreQuery(7);
      })),
    ]);
    expect(a.storeQueries).toBe(1);
    expect(b.storeQueries).toBe(7);
  });

  it("serialises to JSON with mode, instance, verdict and credential (size only, never the value)", async () => {
    vi.setSystemTime(new Date("2031-01-02T03:04:05.000Z"));
    const trace = new Trace("jwt", "instance-a");
    await trace.step("read-credential", "Read", "credential", () => "secret-token-value");
    trace.setCredential("Authorization", 18);
    trace.setVerdict(false, 401, "TOKEN_EXPIRED");
    const json = trace.toJSON();
    expect(json).toMatchObject({
      mode: "jwt",
      instanceId: "instance-a",
      instanceStartedAt: new Date(Math.round(performance.timeOrigin)).toISOString(),
      startedAt: "2031-01-02T03:04:05.000Z",
      verdict: { ok: false, status: 401, code: "TOKEN_EXPIRED" },
      credential: { source: "Authorization", bytes: 18 },
    });
    expect(json.totalUs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(json)).not.toContain("secret-token-value");
    trace.setVerdict(true, 200);
    expect(trace.toJSON().verdict).toEqual({ ok: true, status: 200 });
  });

  it("formats a standards-shaped Server-Timing header: one metric per step, ms durations, store counts", async () => {
    const trace = new Trace("session", "i-1");
    await runWithTrace(trace, async () => {
      await trace.step("unseal", "Unseal the \"cookie\" \\ (iron)", "crypto", () => undefined);
      await trace.step("session-lookup", "Look the session up", "store", () => countStoreQuery(2));
    });
    const header = trace.serverTiming();
    const metrics = header.split(", ");
    expect(metrics).toHaveLength(2);
    // token ;dur=<ms> ;desc="<quoted-string>" — quotes and backslashes removed from the label.
    expect(metrics[0]).toMatch(/^0-unseal;dur=\d+\.\d{3};desc="Unseal the cookie  \(iron\)"$/);
    expect(metrics[1]).toMatch(/^1-session-lookup;dur=\d+\.\d{3};desc="Look the session up \(2 store\)"$/);
    const dur = Number(/dur=([\d.]+)/.exec(metrics[1] ?? "")?.[1]);
    expect(dur).toBeCloseTo((trace.steps[1]?.durationUs ?? -1) / 1000, 3);
  });

  it("says in Server-Timing why a step failed, keeping the header value plain ASCII without separators", async () => {
    const trace = new Trace("session", "i-1");
    await trace.step("session-lookup", "Look the session up", "store", () => Promise.reject(new Error("x"))).catch(() => undefined);
    trace.stopped("store-unavailable", "A store", "store", "The database store refused the connection (ECONNREFUSED), so — 503; \"done\"");
    expect(trace.steps).toHaveLength(1);
    expect(trace.serverTiming()).toMatch(/^0-session-lookup;dur=\d+\.\d{3};desc="Look the session up - failed: The database store refused the connection \(ECONNREFUSED\) so  503 done"$/);
    // A failure from outside any step gets a step of its own.
    const bare = new Trace("jwt", "i-1");
    bare.stopped("store-unavailable", "A store the request needed", "store", "The redis store could not be reached");
    expect(bare.steps).toEqual([expect.objectContaining({ name: "store-unavailable", outcome: "fail", detail: "The redis store could not be reached" })]);
  });

  it("gives an empty Server-Timing value for a trace with no steps", () => {
    expect(new Trace("session", "i").serverTiming()).toBe("");
  });
});
