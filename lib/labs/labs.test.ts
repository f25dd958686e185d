import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/test/sqlite-db";
import { resetAppEnvForTests } from "../config/env";
import { ApiError } from "../errors";
import { stores } from "../stores/registry";
import { createLab, deleteLab, resetLab, sweepExpiredLabs } from "./labs";
import { forgetLab, labState, touchLab } from "./lab-state";

/** A frozen wall clock for the lab lifecycle: only Date is faked (Prisma's own timers keep running). */
const T0 = Date.UTC(2031, 4, 6, 7, 8, 9);
const IDLE_SECONDS = 3600;

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
  Object.assign(process.env, {
    LAB_IDLE_SECONDS: String(IDLE_SECONDS),
    LAB_MAX_LIVE: "3",
    LAB_CREATE_PER_ADDRESS: "2",
    LAB_CREATE_WINDOW_SECONDS: "3600",
    SEED_DEMO_USERS: "true",
  });
  resetAppEnvForTests();
  vi.useFakeTimers({ toFake: ["Date"], now: T0 });
});

afterAll(async () => {
  vi.useRealTimers();
  await testDb.close();
});

async function refusal(run: () => Promise<unknown>): Promise<ApiError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("labs: caps, expiry and deletion (frozen clock)", () => {
  const created: string[] = [];

  it("creates a lab with its own demo users, an idle deadline and counts it", async () => {
    const lab = await createLab("198.51.100.1");
    created.push(lab.id);
    expect(lab.isDefault).toBe(false);
    expect(lab.expiresAt.getTime()).toBe(T0 + IDLE_SECONDS * 1000);
    const emails = (await stores().users.list(lab.id)).map((u) => u.email).sort();
    expect(emails).toEqual(["admin@example.com", "alice@example.com"]);
    expect((await stores().labs.counters())["labs.created"]).toBe(1);
  });

  it("refuses a client address past its creation budget with 429 and Retry-After, while another address still may", async () => {
    created.push((await createLab("198.51.100.1")).id);
    const refused = await refusal(() => createLab("198.51.100.1"));
    expect(refused.code).toBe("LAB_CREATION_RATE_LIMITED");
    expect(Number(refused.headers["Retry-After"])).toBeGreaterThan(0);
    created.push((await createLab("203.0.113.9")).id);
  });

  it("refuses any address once LAB_MAX_LIVE labs are live (429 LABS_AT_CAPACITY), and counts both refusals", async () => {
    const refused = await refusal(() => createLab("192.0.2.44"));
    expect(refused.code).toBe("LABS_AT_CAPACITY");
    expect(refused.headers["Retry-After"]).toBe("60");
    expect(await stores().labs.countLive()).toBe(3);
    expect((await stores().labs.counters())["labs.refused"]).toBe(2);
  });

  it("a lab in use moves its idle deadline (at most once a minute); an idle one does not", async () => {
    const [used] = created;
    vi.setSystemTime(T0 + 30 * 60_000);
    forgetLab(used!);
    const state = await labState(used!);
    await touchLab(state!);
    forgetLab(used!);
    expect((await labState(used!))!.expiresAt.getTime()).toBe(T0 + 30 * 60_000 + IDLE_SECONDS * 1000);
  });

  it("the sweep deletes only labs past their deadline, with everything in them, and frees a slot", async () => {
    const [used, idle1, idle2] = created;
    expect(await sweepExpiredLabs(new Date(T0 + IDLE_SECONDS * 1000 - 1))).toBe(0);
    vi.setSystemTime(T0 + IDLE_SECONDS * 1000 + 1);
    expect(await sweepExpiredLabs()).toBe(2);
    for (const id of [idle1!, idle2!]) {
      forgetLab(id);
      expect(await labState(id)).toBeNull();
      expect(await stores().users.list(id)).toEqual([]);
    }
    forgetLab(used!);
    expect(await labState(used!)).not.toBeNull();
    expect((await stores().labs.counters())["labs.expired"]).toBe(2);
    // A slot is free again (and a new hour's budget for the address).
    created.push((await createLab("192.0.2.44")).id);
  });

  it("a lab's solved challenges are its own: the first solve's time is kept, a reset clears them, another lab's stay until it is deleted", async () => {
    const [lab, other] = [created[0]!, created[created.length - 1]!];
    const first = new Date(T0 + IDLE_SECONDS * 1000 + 5);
    expect((await stores().challenges.solve(lab, "csrf-cookie", first)).getTime()).toBe(first.getTime());
    expect((await stores().challenges.solve(lab, "csrf-cookie", new Date(first.getTime() + 60_000))).getTime()).toBe(first.getTime());
    await stores().challenges.solve(other, "beat-the-denylist", first);
    expect((await stores().challenges.list(lab)).map((s) => s.challengeId)).toEqual(["csrf-cookie"]);
    await resetLab(lab);
    expect(await stores().challenges.list(lab)).toEqual([]);
    expect((await stores().challenges.list(other)).map((s) => s.challengeId)).toEqual(["beat-the-denylist"]);
    // Deleting a lab takes its progress with it (the foreign key cascades).
    expect(await deleteLab(other)).toBe(true);
    expect(await stores().challenges.list(other)).toEqual([]);
  });

  it("twenty checks solving one challenge at once keep one first solve; a solve in a deleted lab is 410 LAB_GONE, never a 500", async () => {
    const lab = created[0]!;
    const at = new Date(T0 + IDLE_SECONDS * 1000 + 9);
    const times = await Promise.all(Array.from({ length: 20 }, (_, i) => stores().challenges.solve(lab, "forged-admin", new Date(at.getTime() + i))));
    expect(new Set(times.map((t) => t.getTime())).size).toBe(1);
    expect((await stores().challenges.list(lab)).filter((s) => s.challengeId === "forged-admin")).toHaveLength(1);
    expect((await refusal(() => stores().challenges.solve("nosuchlabx", "forged-admin", at))).code).toBe("LAB_GONE");
  });

  it("reset empties a lab back to its demo users; delete removes it; the default lab can be neither deleted nor swept", async () => {
    const [lab] = created;
    await stores().users.create({ labId: lab!, email: "extra@example.com", role: "user", passwordHash: "x" });
    expect((await resetLab(lab!)).users.sort()).toEqual(["admin@example.com", "alice@example.com"]);
    expect(await deleteLab(lab!)).toBe(true);
    forgetLab(lab!);
    expect(await labState(lab!)).toBeNull();
    expect(await deleteLab("default")).toBe(false);
    vi.setSystemTime(Date.UTC(9999, 11, 31));
    await sweepExpiredLabs(new Date(Date.UTC(9999, 11, 31)));
    forgetLab("default");
    expect(await labState("default")).not.toBeNull();
  });
});
