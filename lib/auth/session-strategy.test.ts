import { sealData, unsealData } from "iron-session";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { authContext, authUser, browserInput, FakeUsers, flipChar, OTHER_SEAL_PASSWORD, SEAL_PASSWORD, T0, TEST_LAB, testSettings } from "@/test/auth-fixtures";
import { sha256Hex } from "../crypto";
import { ERRORS, StoreUnavailableError } from "../errors";
import { MemorySessionStore } from "../stores/memory-session-store";
import { sessionStoreProvider, singleSessionStore } from "../stores/session-store-provider";
import type { SessionStore, StoreKind } from "../stores/types";
import type { Settings } from "../settings/schema";
import { runWithTrace } from "../trace/context";
import { SessionStrategy } from "./session-strategy";
import type { AuthContext, AuthResult, CookieInstruction, CredentialInput } from "./types";

const COOKIE = "__Host-session";
const SEC = 1000;

let store: MemorySessionStore;
let users: FakeUsers;

function strategy(sealPasswords: Record<string, string> = { "1": SEAL_PASSWORD }): SessionStrategy {
  return new SessionStrategy({ stores: singleSessionStore(store), users, sealPasswords, cookieName: COOKIE, maxSessionsPerLab: 1_000 });
}

function ctx(now: number, settings: Settings = testSettings()): AuthContext {
  return authContext("session", now, settings);
}

function sessionCookie(cookies: readonly CookieInstruction[]): CookieInstruction {
  const found = cookies.find((c) => c.name === COOKIE);
  if (!found) throw new Error("no session cookie");
  return found;
}

function withSeal(seal: string): CredentialInput {
  return { cookies: { [COOKIE]: seal } };
}

function expectCleared(result: { cookies: CookieInstruction[] }): void {
  expect(result.cookies).toEqual([
    { name: COOKIE, value: "", attributes: { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 0 } },
  ]);
}

function expectFailure(result: AuthResult, code: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe(code);
  expect(ERRORS[result.code].status).toBe(401);
}

async function login(now = T0, settings: Settings = testSettings(), s = strategy(), input: CredentialInput = { cookies: {} }) {
  const row = users.add();
  const issued = await s.issue(authUser(row), input, ctx(now, settings));
  const seal = sessionCookie(issued.cookies).value;
  return { row, issued, seal, input: withSeal(seal) };
}

beforeEach(() => {
  store = new MemorySessionStore();
  users = new FakeUsers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("SessionStrategy: token and storage (docs/SECURITY.md § Sessions)", () => {
  it("seals a 256-bit CSPRNG token into the cookie and stores only its SHA-256", async () => {
    const { seal, issued, row } = await login();
    const { t: token } = await unsealData<{ t: string }>(seal, { password: { "1": SEAL_PASSWORD } });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(Buffer.from(token, "base64url").length).toBe(32);

    const stored = await store.listAll(TEST_LAB, 10);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toBe(sha256Hex(token));
    expect(stored[0]?.userId).toBe(row.id);
    expect(issued.session.id).toBe(sha256Hex(token));
    // Neither the store nor the cookie value holds the token in the clear.
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(seal).not.toContain(token);
    expect(seal).toMatch(/^Fe26\.2\*1\*/);
  });

  it("gives every login a different token", async () => {
    const a = await login();
    const b = await login();
    expect(a.seal).not.toBe(b.seal);
    expect(a.issued.session.id).not.toBe(b.issued.session.id);
  });

  it("sets an HttpOnly, Secure, SameSite=Lax, Path=/ cookie that lives as long as the absolute timeout", async () => {
    const settings = testSettings({ sessionAbsoluteSeconds: 7200 });
    const { issued } = await login(T0, settings);
    expect(sessionCookie(issued.cookies).attributes).toEqual({ httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 7200 });
    expect(issued.session.absoluteExpiresAt.getTime()).toBe(T0 + 7200 * SEC);
    expect(issued.expiresAt.getTime()).toBe(T0 + settings.sessionIdleSeconds * SEC);
  });

  it("truncates an absurd User-Agent before storing it", async () => {
    const row = users.add();
    const issued = await strategy().issue(authUser(row), { cookies: {}, userAgent: "x".repeat(5000) }, ctx(T0));
    expect(issued.session.userAgent).toHaveLength(256);
  });

  it("names the credential by the token's hash and never puts the token or seal in the trace", async () => {
    const { seal, input } = await login();
    const { t: token } = await unsealData<{ t: string }>(seal, { password: { "1": SEAL_PASSWORD } });
    const c = ctx(T0 + SEC);
    const result = await strategy().authenticate(input, c);
    expect(result.ok && result.credential).toMatchObject({ kind: "session", source: COOKIE, handle: sha256Hex(token) });
    const traced = JSON.stringify(c.trace.toJSON());
    expect(traced).not.toContain(token);
    expect(traced).not.toContain(seal);
    expect(c.trace.toJSON().credential).toEqual({ source: COOKIE, bytes: seal.length });
  });
});

describe("SessionStrategy: fixation (docs/SECURITY.md § Sessions)", () => {
  it("kills the pre-login session when the browser logs in again", async () => {
    const before = await login();
    const s = strategy();
    const after = await s.issue(authUser(before.row), before.input, ctx(T0 + SEC));
    const afterSeal = sessionCookie(after.cookies).value;
    expect(afterSeal).not.toBe(before.seal);
    expect(await store.get(TEST_LAB, before.issued.session.id)).toBeNull();
    expectFailure(await s.authenticate(before.input, ctx(T0 + 2 * SEC)), "SESSION_NOT_FOUND");
    expect((await s.authenticate(withSeal(afterSeal), ctx(T0 + 2 * SEC))).ok).toBe(true);
  });

  it("kills a session an attacker planted in the victim's browser", async () => {
    const attacker = await login();
    const victim = users.add({ id: "victim" });
    const s = strategy();
    const issued = await s.issue(authUser(victim), attacker.input, ctx(T0 + SEC));
    expectFailure(await s.authenticate(attacker.input, ctx(T0 + 2 * SEC)), "SESSION_NOT_FOUND");
    const result = await s.authenticate(browserInput(issued.cookies, attacker.input), ctx(T0 + 2 * SEC));
    expect(result.ok && result.user.id).toBe("victim");
  });

  it("logs in fine with a garbage pre-login cookie", async () => {
    const row = users.add();
    const issued = await strategy().issue(authUser(row), withSeal("garbage"), ctx(T0));
    expect(await store.listAll(TEST_LAB, 10)).toHaveLength(1);
    expect(sessionCookie(issued.cookies).value).not.toBe("garbage");
  });
});

describe("SessionStrategy: timeouts (docs/SECURITY.md § Sessions)", () => {
  const settings = testSettings({ sessionIdleSeconds: 600, sessionAbsoluteSeconds: 3600 });

  it("accepts until the idle deadline and refuses from it, deleting the record and clearing the cookie", async () => {
    const { input, issued } = await login(T0, settings);
    const deadline = T0 + 600 * SEC;
    const lastOk = await strategy().authenticate(input, ctx(deadline - 1, settings));
    expect(lastOk.ok).toBe(true);
    // That request slid the idle window: the old deadline no longer applies.
    const slid = await store.get(TEST_LAB, issued.session.id);
    expect(slid?.idleExpiresAt.getTime()).toBe(deadline - 1 + 600 * SEC);

    const fresh = await login(T0, settings);
    const expired = await strategy().authenticate(fresh.input, ctx(deadline, settings));
    expectFailure(expired, "SESSION_IDLE_TIMEOUT");
    expectCleared(expired);
    expect(await store.get(TEST_LAB, fresh.issued.session.id)).toBeNull();
  });

  it("ends at the absolute timeout however active the user is", async () => {
    const { input, issued } = await login(T0, settings);
    const s = strategy();
    for (let t = T0 + 500 * SEC; t < T0 + 3600 * SEC; t += 500 * SEC) {
      const result = await s.authenticate(input, ctx(t, settings));
      expect(result.ok, `at +${(t - T0) / SEC}s`).toBe(true);
    }
    expect((await s.authenticate(input, ctx(T0 + 3600 * SEC - 1, settings))).ok).toBe(true);
    const result = await s.authenticate(input, ctx(T0 + 3600 * SEC, settings));
    expectFailure(result, "SESSION_ABSOLUTE_TIMEOUT");
    expectCleared(result);
    expect(await store.get(TEST_LAB, issued.session.id)).toBeNull();
  });

  it("slides idleExpiresAt forward on activity but never past the absolute deadline", async () => {
    const { input, issued } = await login(T0, settings);
    const absolute = issued.session.absoluteExpiresAt.getTime();
    const s = strategy();
    for (const offset of [300, 800, 1300, 1800, 2300, 2800, 3300, 3500]) {
      const now = T0 + offset * SEC;
      const result = await s.authenticate(input, ctx(now, settings));
      if (!result.ok) throw new Error(`refused at +${offset}s: ${result.code}`);
      const record = await store.get(TEST_LAB, issued.session.id);
      const expected = Math.min(now + 600 * SEC, absolute);
      expect(record?.idleExpiresAt.getTime()).toBe(expected);
      expect(record?.lastSeenAt.getTime()).toBe(now);
      expect(result.credential.expiresAt.getTime()).toBe(expected);
      expect(record?.idleExpiresAt.getTime()).toBeLessThanOrEqual(absolute);
    }
    expect((await store.get(TEST_LAB, issued.session.id))?.idleExpiresAt.getTime()).toBe(absolute);
  });

  it("throttles the sliding write: a request soon after the last touch writes nothing", async () => {
    const { input, issued } = await login(T0, settings);
    const c = ctx(T0 + 30 * SEC, settings); // touch every min(60 s, idle/10 = 60 s)
    const result = await runWithTrace(c.trace, () => strategy().authenticate(input, c));
    expect(result.ok).toBe(true);
    expect(c.trace.steps.map((s) => s.name)).not.toContain("session-touch");
    expect((await store.get(TEST_LAB, issued.session.id))?.lastSeenAt.getTime()).toBe(T0);

    const later = ctx(T0 + 60 * SEC, settings);
    await runWithTrace(later.trace, () => strategy().authenticate(input, later));
    expect(later.trace.steps.map((s) => s.name)).toContain("session-touch");
  });

  it("caps the first idle deadline at the absolute one when idle > absolute", async () => {
    const odd = testSettings({ sessionIdleSeconds: 7200, sessionAbsoluteSeconds: 3600 });
    const { issued } = await login(T0, odd);
    expect(issued.session.idleExpiresAt.getTime()).toBe(T0 + 3600 * SEC);
  });
});

describe("SessionStrategy: logout and revocation (docs/SECURITY.md § Access tokens (JWT))", () => {
  it("revoke deletes the record and clears the cookie; the copied cookie replayed afterwards is refused", async () => {
    const { input, issued } = await login();
    const s = strategy();
    const out = await s.revoke(input, ctx(T0 + SEC));
    expectCleared(out);
    expect(await store.get(TEST_LAB, issued.session.id)).toBeNull();
    const replay = await s.authenticate(input, ctx(T0 + 2 * SEC));
    expectFailure(replay, "SESSION_NOT_FOUND");
    expectCleared(replay);
  });

  it("caches only the unseal: a warm cookie is still looked up, so revocation shows on the very next request", async () => {
    const { input, issued } = await login();
    const s = strategy();
    const first = ctx(T0 + SEC);
    expect((await s.authenticate(input, first)).ok).toBe(true);
    expect(first.trace.steps.find((step) => step.name === "unseal")?.detail).toBeUndefined();

    const warm = ctx(T0 + 2 * SEC);
    expect((await runWithTrace(warm.trace, () => s.authenticate(input, warm))).ok).toBe(true);
    expect(warm.trace.steps.find((step) => step.name === "unseal")?.detail).toMatch(/cached/);
    expect(warm.trace.steps.find((step) => step.name === "session-lookup")).toBeDefined();

    // Another instance (another strategy object, same store) logs the session out…
    await strategy().revoke(input, ctx(T0 + 3 * SEC));
    expect(await store.get(TEST_LAB, issued.session.id)).toBeNull();
    // …and this instance, with the seal still cached, refuses it at once.
    expectFailure(await s.authenticate(input, ctx(T0 + 4 * SEC)), "SESSION_NOT_FOUND");
  });

  it("revoke without a cookie, or with garbage, still clears and never throws", async () => {
    const s = strategy();
    expectCleared(await s.revoke({ cookies: {} }, ctx(T0)));
    expectCleared(await s.revoke(withSeal("Fe26.2**garbage~2"), ctx(T0)));
  });

  it("revokeAll ends every session of the user and no one else's", async () => {
    const a = await login();
    const row = a.row;
    const s = strategy();
    const second = await s.issue(authUser(row), { cookies: {} }, ctx(T0));
    const other = await login();
    await s.revokeAll(row.id, ctx(T0 + SEC));
    expectFailure(await s.authenticate(a.input, ctx(T0 + 2 * SEC)), "SESSION_NOT_FOUND");
    expectFailure(await s.authenticate(browserInput(second.cookies), ctx(T0 + 2 * SEC)), "SESSION_NOT_FOUND");
    expect((await s.authenticate(other.input, ctx(T0 + 2 * SEC))).ok).toBe(true);
  });

  it("refuses a disabled user with USER_DISABLED and deletes the session", async () => {
    const { input, issued, row } = await login();
    users.rows.set(row.id, { ...row, disabled: true });
    const result = await strategy().authenticate(input, ctx(T0 + SEC));
    expectFailure(result, "USER_DISABLED");
    expectCleared(result);
    expect(await store.get(TEST_LAB, issued.session.id)).toBeNull();
    // Re-enabling does not bring the deleted session back.
    users.rows.set(row.id, { ...row, disabled: false });
    expectFailure(await strategy().authenticate(input, ctx(T0 + 2 * SEC)), "SESSION_NOT_FOUND");
  });

  it("refuses a deleted user with USER_DISABLED", async () => {
    const { input, row } = await login();
    users.rows.delete(row.id);
    expectFailure(await strategy().authenticate(input, ctx(T0 + SEC)), "USER_DISABLED");
  });

  it("reads the current role on every request, so a promotion shows at once", async () => {
    const { input, row } = await login();
    users.rows.set(row.id, { ...row, role: "admin" });
    const result = await strategy().authenticate(input, ctx(T0 + SEC));
    expect(result.ok && result.user.role).toBe("admin");
  });
});

describe("SessionStrategy: tampered, foreign, expired and garbage seals (docs/SECURITY.md § Sessions)", () => {
  it("refuses a seal with one character flipped, anywhere, as SESSION_INVALID and clears the cookie", async () => {
    const { seal } = await login();
    const s = strategy();
    for (const position of [10, Math.floor(seal.length / 3), Math.floor(seal.length / 2), seal.length - 10]) {
      const tampered = flipChar(seal, position);
      expect(tampered).not.toBe(seal);
      const result = await s.authenticate(withSeal(tampered), ctx(T0 + SEC));
      expectFailure(result, "SESSION_INVALID");
      expectCleared(result);
    }
  });

  it("refuses a seal made with a foreign password, even around a real session's token", async () => {
    const { seal } = await login();
    const { t: token } = await unsealData<{ t: string }>(seal, { password: { "1": SEAL_PASSWORD } });
    const foreign = await sealData({ t: token }, { password: { "1": OTHER_SEAL_PASSWORD } });
    const result = await strategy().authenticate(withSeal(foreign), ctx(T0 + SEC));
    expectFailure(result, "SESSION_INVALID");
    expectCleared(result);
  });

  it("refuses a seal past iron-session's own expiry (ttl + 60 s skew) even while the record lives", async () => {
    const settings = testSettings({ sessionAbsoluteSeconds: 3600 });
    vi.setSystemTime(T0);
    const { input } = await login(T0, settings);
    const s = strategy();
    // The record is judged on the auth clock (T0 here); only the seal's wall-clock expiry moves.
    vi.setSystemTime(T0 + 3600 * SEC + 59 * SEC);
    expect((await s.authenticate(input, ctx(T0 + SEC, settings))).ok).toBe(true);
    vi.setSystemTime(T0 + 3600 * SEC + 61 * SEC);
    const result = await s.authenticate(input, ctx(T0 + SEC, settings));
    expectFailure(result, "SESSION_INVALID");
    expectCleared(result);
  });

  it("refuses seals of ours whose content is not a session token", async () => {
    const password = { "1": SEAL_PASSWORD };
    const wrongShapes = [
      await sealData({ t: 12345 }, { password }),
      await sealData({ t: "too-short" }, { password }),
      await sealData({ t: "../../etc/passwd" + "a".repeat(27) }, { password }),
      await sealData({ token: "a".repeat(43) }, { password }),
      await sealData({}, { password }),
    ];
    for (const seal of wrongShapes) {
      expectFailure(await strategy().authenticate(withSeal(seal), ctx(T0)), "SESSION_INVALID");
    }
  });

  it("refuses a well-formed token that has no session as SESSION_NOT_FOUND", async () => {
    const seal = await sealData({ t: "A".repeat(43) }, { password: { "1": SEAL_PASSWORD } });
    expectFailure(await strategy().authenticate(withSeal(seal), ctx(T0)), "SESSION_NOT_FOUND");
  });

  const garbage: [string, string][] = [
    ["10 KB", "a".repeat(10 * 1024)],
    ["just under the size cap", "Fe26.2*1*" + "a".repeat(1000)],
    ["unicode", "セッション🍪\u0000\uFFFF"],
    ["an empty iron seal", "Fe26.2**~2"],
    ["iron parts, all empty", "Fe26.2*******~2"],
    ["iron parts, junk", "Fe26.2*1*salt*iv*data*exp*hmacsalt*hmac~2"],
    ["an unknown password id", "Fe26.2*99*a*b*c**d*e~2"],
    ["a wrong version", "Fe26.1*1*a*b*c**d*e"],
    ["a version suffix only", "~2"],
    ["bad base64", "Fe26.2*1*%%%*!!!*@@@**###*$$$~2"],
    ["a JWT", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"],
    ["delimiters", "*".repeat(50)],
  ];

  it.each(garbage)("treats %s as SESSION_INVALID, clears the cookie, never throws", async (_label, value) => {
    const result = await strategy().authenticate(withSeal(value), ctx(T0));
    expectFailure(result, "SESSION_INVALID");
    expectCleared(result);
  });

  it("treats an empty cookie like no cookie: UNAUTHENTICATED, nothing to clear", async () => {
    for (const input of [{ cookies: {} }, withSeal("")]) {
      const result = await strategy().authenticate(input, ctx(T0));
      expectFailure(result, "UNAUTHENTICATED");
      expect(result.cookies).toEqual([]);
    }
  });

  it("the credential's handle is the whole session id (what routes compare), never the token", async () => {
    const { input, issued } = await login();
    const result = await strategy().authenticate(input, ctx(T0 + SEC));
    expect(result.ok && result.credential.handle).toBe(issued.session.id);
  });
});

describe("SessionStrategy: seal password rotation (docs/SECURITY.md § Sessions)", () => {
  const OLD = SEAL_PASSWORD;
  const NEW = "new-seal-password-after-rotation-0123456789";

  it("still unseals a seal made with password 1 when the map is {2: new, 1: old}", async () => {
    const { input, row } = await login(T0, testSettings(), strategy({ "1": OLD }));
    const rotated = strategy({ "2": NEW, "1": OLD });
    const result = await rotated.authenticate(input, ctx(T0 + SEC));
    expect(result.ok && result.user.id).toBe(row.id);
  });

  it("seals new cookies with the highest id, which the old-only map cannot open", async () => {
    const rotated = strategy({ "2": NEW, "1": OLD });
    const { seal, input } = await login(T0, testSettings(), rotated);
    expect(seal.split("*")[1]).toBe("2");
    expectFailure(await strategy({ "1": OLD }).authenticate(input, ctx(T0 + SEC)), "SESSION_INVALID");
    expect((await strategy({ "2": NEW }).authenticate(input, ctx(T0 + SEC))).ok).toBe(true);
  });

  it("refuses old seals once the old password is dropped", async () => {
    const { input } = await login(T0, testSettings(), strategy({ "1": OLD }));
    expectFailure(await strategy({ "2": NEW }).authenticate(input, ctx(T0 + SEC)), "SESSION_INVALID");
  });

  it("refuses a seal that claims id 1 but was sealed with another secret", async () => {
    const { input } = await login(T0, testSettings(), strategy({ "1": NEW }));
    expectFailure(await strategy({ "2": NEW + "x", "1": OLD }).authenticate(input, ctx(T0 + SEC)), "SESSION_INVALID");
  });
});

describe("SessionStrategy: store outage (docs/SECURITY.md § Stores and outages)", () => {
  it("throws StoreUnavailableError instead of answering 401 and clearing the cookie", async () => {
    const { input } = await login();
    const down = new MemorySessionStore();
    down.get = () => Promise.reject(new StoreUnavailableError("memory is unavailable"));
    const s = new SessionStrategy({ stores: singleSessionStore(down), users, sealPasswords: { "1": SEAL_PASSWORD }, cookieName: COOKIE, maxSessionsPerLab: 1_000 });
    await expect(s.authenticate(input, ctx(T0 + SEC))).rejects.toBeInstanceOf(StoreUnavailableError);
    // Once the store is back, the same cookie works: nobody was logged out by the outage.
    expect((await strategy().authenticate(input, ctx(T0 + 2 * SEC))).ok).toBe(true);
  });
});


/** A memory store that reports another kind, to stand for a second backend in the switch tests. */
function storeOfKind(kind: StoreKind): SessionStore {
  const inner = new MemorySessionStore();
  return {
    kind,
    create: (r) => inner.create(r),
    get: (lab, id) => inner.get(lab, id),
    touch: (lab, id, seen, idle) => inner.touch(lab, id, seen, idle),
    delete: (lab, id) => inner.delete(lab, id),
    deleteByUser: (lab, userId, exceptId) => inner.deleteByUser(lab, userId, exceptId),
    listByUser: (lab, userId) => inner.listByUser(lab, userId),
    listAll: (lab, limit) => inner.listAll(lab, limit),
    trimLab: (lab, keep) => inner.trimLab(lab, keep),
    deleteLab: (lab) => inner.deleteLab(lab),
  };
}

describe("SessionStrategy: switching the session store at run time (the lab's store switch)", () => {
  const onMemory = testSettings({ sessionStore: "memory" });
  const onRedis = testSettings({ sessionStore: "redis" });
  let memory: SessionStore;
  let redis: SessionStore;
  let switchable: SessionStrategy;

  beforeEach(() => {
    memory = storeOfKind("memory");
    redis = storeOfKind("redis");
    switchable = new SessionStrategy({
      stores: sessionStoreProvider({ memory, redis }, "memory"),
      users,
      sealPasswords: { "1": SEAL_PASSWORD },
      cookieName: COOKIE,
      maxSessionsPerLab: 1_000,
    });
  });

  it("a session lives in the store that was active at login; elsewhere its cookie is 401 until the switch back", async () => {
    const { input, issued } = await login(T0, onMemory, switchable);
    expect(await memory.get(TEST_LAB, issued.session.id)).not.toBeNull();
    expect(await redis.get(TEST_LAB, issued.session.id)).toBeNull();

    const elsewhere = ctx(T0 + SEC, onRedis);
    expectFailure(await switchable.authenticate(input, elsewhere), "SESSION_NOT_FOUND");
    expect(elsewhere.trace.toJSON().steps.find((s) => s.name === "session-lookup")?.label).toContain("redis");

    expect((await switchable.authenticate(input, ctx(T0 + 2 * SEC, onMemory))).ok).toBe(true);
  });

  it("logout while another store is active still deletes the session where it lives: switching back cannot revive it", async () => {
    const { input, issued } = await login(T0, onMemory, switchable);
    await switchable.revoke(input, ctx(T0 + SEC, onRedis));
    expect(await memory.get(TEST_LAB, issued.session.id)).toBeNull();
    expectFailure(await switchable.authenticate(input, ctx(T0 + 2 * SEC, onMemory)), "SESSION_NOT_FOUND");
  });

  it("ending every session of a user reaches every store, the inactive one included", async () => {
    const user = users.add();
    const inMemory = await switchable.issue(authUser(user), { cookies: {} }, ctx(T0, onMemory));
    const inRedis = await switchable.issue(authUser(user), { cookies: {} }, ctx(T0, onRedis));
    await switchable.revokeAll(user.id, ctx(T0 + SEC, onRedis));
    expect(await memory.get(TEST_LAB, inMemory.session.id)).toBeNull();
    expect(await redis.get(TEST_LAB, inRedis.session.id)).toBeNull();
  });

  it("an unavailable choice falls back to the server's default store", async () => {
    const onDatabase = testSettings({ sessionStore: "database" });
    const { issued } = await login(T0, onDatabase, switchable);
    expect(await memory.get(TEST_LAB, issued.session.id)).not.toBeNull();
  });
});

describe("SessionStrategy: labs", () => {
  it("a session cookie of lab A presented in lab B is CREDENTIAL_OTHER_LAB, with no store lookup at all", async () => {
    const { input } = await login();
    const other = authContext("session", T0 + SEC, testSettings(), "otherlab23");
    const result = await strategy().authenticate(input, other);
    expectFailure(result, "CREDENTIAL_OTHER_LAB");
    expect(other.trace.storeQueries).toBe(0);
    // It still works in its own lab: the refusal did not end it.
    expect((await strategy().authenticate(input, ctx(T0 + 2 * SEC))).ok).toBe(true);
  });

  it("logging out a lab A cookie from lab B deletes nothing", async () => {
    const { input } = await login();
    await strategy().revoke(input, authContext("session", T0 + SEC, testSettings(), "otherlab23"));
    expect((await strategy().authenticate(input, ctx(T0 + 2 * SEC))).ok).toBe(true);
  });

  it("a seal made before labs existed (no lab in it) belongs to the default lab", async () => {
    const row = users.add();
    const token = "A".repeat(43);
    await store.create({ id: sha256Hex(token), labId: TEST_LAB, userId: row.id, createdAt: new Date(T0), lastSeenAt: new Date(T0), idleExpiresAt: new Date(T0 + 60 * SEC), absoluteExpiresAt: new Date(T0 + 600 * SEC), userAgent: null });
    const legacy = await sealData({ t: token, s: "memory" }, { password: { "1": SEAL_PASSWORD }, ttl: 3600 });
    expect((await strategy().authenticate(withSeal(legacy), ctx(T0 + SEC))).ok).toBe(true);
  });

  it("a lab at its session cap ends its oldest session at the next login", async () => {
    const capped = new SessionStrategy({ stores: singleSessionStore(store), users, sealPasswords: { "1": SEAL_PASSWORD }, cookieName: COOKIE, maxSessionsPerLab: 2 });
    const first = await login(T0, testSettings(), capped);
    await login(T0 + SEC, testSettings(), capped);
    await login(T0 + 2 * SEC, testSettings(), capped);
    expect(await store.listAll(TEST_LAB, 10)).toHaveLength(2);
    expectFailure(await capped.authenticate(first.input, ctx(T0 + 3 * SEC)), "SESSION_NOT_FOUND");
  });
});
