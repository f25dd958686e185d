import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, insertLab, type TestDb } from "@/test/sqlite-db";
import { EVENTS_PER_LAB, EventStore } from "./event-store";

const T0 = Date.UTC(2031, 4, 6, 7, 8, 9);

let testDb: TestDb;
let events: EventStore;
beforeAll(async () => {
  testDb = await createTestDb();
  events = new EventStore(testDb.db);
});
beforeEach(() => testDb.reset());
afterAll(() => testDb.close());

// docs/SECURITY.md › "Cross-site requests and redirects": refusals a request names a lab for are capped apart.
describe("EventStore: bounded per lab, and a capped kind apart from the lab's other events", () => {
  it("keeps only the newest EVENTS_PER_LAB events of a lab, and leaves other labs alone", async () => {
    const lab = await insertLab(testDb.db);
    await events.record("default", { at: new Date(T0 - 1000), kind: "OTHER_LAB" });
    for (let i = 0; i < EVENTS_PER_LAB + 3; i++) await events.record(lab, { at: new Date(T0 + i), kind: "REFRESH_TOKEN_REUSED", detail: { i } });
    const kept = await events.list(lab, null, EVENTS_PER_LAB + 10);
    expect(kept).toHaveLength(EVENTS_PER_LAB);
    expect(kept.at(-1)?.detail).toEqual({ i: 3 });
    expect((await events.list("default", null, 10)).map((e) => e.kind)).toEqual(["OTHER_LAB"]);
  });

  it("keepOfKind: a flood of one kind keeps its newest N and never pushes out the lab's other events", async () => {
    const lab = await insertLab(testDb.db);
    await events.record(lab, { at: new Date(T0), kind: "REFRESH_TOKEN_REUSED", userId: null });
    // The lab's events are full but for one slot: a refusal must not take the place of any of them.
    for (let i = 1; i < EVENTS_PER_LAB; i++) await events.record(lab, { at: new Date(T0 + i), kind: "REFRESH_FAMILIES_REVOKED" });
    for (let i = 0; i < EVENTS_PER_LAB + 5; i++) await events.record(lab, { at: new Date(T0 + 1000 + i), kind: "CROSS_ORIGIN_REFUSED", detail: { i } }, { keepOfKind: 20 });
    const all = await events.list(lab, null, 1000);
    const refusals = all.filter((e) => e.kind === "CROSS_ORIGIN_REFUSED");
    expect(refusals).toHaveLength(20);
    expect(refusals.map((e) => e.detail.i)).toEqual(Array.from({ length: 20 }, (_, k) => EVENTS_PER_LAB + 4 - k));
    expect(all.filter((e) => e.kind !== "CROSS_ORIGIN_REFUSED")).toHaveLength(EVENTS_PER_LAB);
    expect(all.some((e) => e.kind === "REFRESH_TOKEN_REUSED")).toBe(true);
  });

  it("keepOfKind counts one lab's events of that kind only", async () => {
    const a = await insertLab(testDb.db);
    const b = await insertLab(testDb.db);
    for (let i = 0; i < 3; i++) await events.record(b, { at: new Date(T0 + i), kind: "CROSS_ORIGIN_REFUSED" }, { keepOfKind: 2 });
    for (let i = 0; i < 5; i++) await events.record(a, { at: new Date(T0 + 10 + i), kind: "CROSS_ORIGIN_REFUSED" }, { keepOfKind: 2 });
    expect(await events.list(a, null, 10)).toHaveLength(2);
    expect(await events.list(b, null, 10)).toHaveLength(2);
  });
});
