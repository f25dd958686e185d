import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ERRORS, type ErrorCode } from "../errors";
import { settingsSchema, type Settings } from "../settings/schema";
import { runWithTrace } from "../trace/context";
import { Trace } from "../trace/trace";
import type { AuthContext, AuthMode, AuthResult, AuthStrategy, AuthUser, CookieInstruction, CredentialInput } from "./types";

/** What the contract needs to drive one strategy with its stores. */
export interface StrategyHarness {
  strategy: AuthStrategy;
  /** Creates a user this strategy's stores know about. */
  createUser(): Promise<AuthUser>;
  /** Marks a user disabled where the strategy's user lookup will see it. */
  disableUser(id: string): Promise<void>;
  /** The cookie `authenticate` reads the credential from. */
  credentialCookie: string;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface StrategyContractOptions {
  name: string;
  /** The contract knows what each mode promises; the harness only says which one it drives. */
  mode: AuthMode;
  setup(): Promise<StrategyHarness>;
}

/**
 * Where the two strategies differ, on purpose. This table is the lesson the lab teaches: a
 * session is a server-side record, so logout and revocation bite on the next request; a JWT is
 * self-contained, so they bite only at `exp` — unless the denylist turns it back into a lookup.
 */
const PROMISES: Record<
  AuthMode,
  {
    tamperedCode: ErrorCode;
    replayAfterLogout: { denylistOff: ErrorCode | "ok"; denylistOn: ErrorCode };
    afterRevokeAll: { denylistOff: ErrorCode | "ok"; denylistOn: ErrorCode };
    /** Disabled in the user table only, no revocation: does the next request notice? */
    afterDisableOnly: { denylistOff: ErrorCode | "ok"; denylistOn: ErrorCode | "ok" };
    authenticateStoreQueries: { denylistOff: number; denylistOn: number };
    /** The step whose store query an authenticated request pays for, if any. */
    lookupStep: { denylistOff: string | null; denylistOn: string | null };
  }
> = {
  session: {
    tamperedCode: "SESSION_INVALID",
    replayAfterLogout: { denylistOff: "SESSION_NOT_FOUND", denylistOn: "SESSION_NOT_FOUND" },
    afterRevokeAll: { denylistOff: "SESSION_NOT_FOUND", denylistOn: "SESSION_NOT_FOUND" },
    afterDisableOnly: { denylistOff: "USER_DISABLED", denylistOn: "USER_DISABLED" },
    // One round trip: the session and its user together (SQL joins them; a store that cannot has
    // its user lookup counted by the user store, not here).
    authenticateStoreQueries: { denylistOff: 1, denylistOn: 1 },
    lookupStep: { denylistOff: "session-lookup", denylistOn: "session-lookup" },
  },
  jwt: {
    tamperedCode: "TOKEN_SIGNATURE_INVALID",
    replayAfterLogout: { denylistOff: "ok", denylistOn: "TOKEN_REVOKED" },
    afterRevokeAll: { denylistOff: "ok", denylistOn: "TOKEN_REVOKED" },
    // The token carries everything; no request reads the user table, denylist or not. That is why
    // disabling a user must also revoke (revokeAll) — see the next case.
    afterDisableOnly: { denylistOff: "ok", denylistOn: "ok" },
    authenticateStoreQueries: { denylistOff: 0, denylistOn: 1 },
    lookupStep: { denylistOff: null, denylistOn: "denylist-check" },
  },
};

const T0 = Date.UTC(2031, 4, 6, 7, 8, 9);
const SEC = 1000;

function settingsFor(overrides: Partial<Settings> = {}): Settings {
  return settingsSchema.parse({
    accessTtlSeconds: 600,
    refreshTtlSeconds: 86_400,
    refreshIdleSeconds: 3600,
    refreshGraceSeconds: 10,
    sessionIdleSeconds: 600,
    sessionAbsoluteSeconds: 3600,
    denylistEnabled: false,
    jwtStorage: "cookie",
    demoClockOffsetMs: 0,
    signingKeys: { generation: 0, retiring: [] },
    storeFault: false,
    sessionStore: "database",
    ...overrides,
  });
}

function outcome(result: AuthResult): string {
  return result.ok ? "ok" : result.code;
}

function cookiesToInput(cookies: readonly CookieInstruction[]): CredentialInput {
  return { cookies: Object.fromEntries(cookies.filter((c) => c.attributes.maxAge > 0).map((c) => [c.name, c.value])) };
}

function flipMiddle(value: string): string {
  for (let i = Math.floor(value.length / 2); i > 0; i--) {
    const ch = value[i];
    if (ch !== undefined && /[A-Za-z0-9]/.test(ch)) return value.slice(0, i) + (ch === "A" ? "B" : "A") + value.slice(i + 1);
  }
  throw new Error("nothing to flip");
}

/**
 * One contract, both strategies (STYLE.md: "Contract suites run the same cases against both
 * strategies and every store"). Every call runs inside `runWithTrace`, as a request would.
 */
export function strategyContract({ name, mode, setup }: StrategyContractOptions): void {
  const promises = PROMISES[mode];

  describe(`AuthStrategy contract: ${name}`, () => {
    let h: StrategyHarness;

    beforeAll(async () => {
      h = await setup();
    });
    afterAll(async () => {
      await h.close();
    });
    beforeEach(async () => {
      await h.reset();
    });

    function ctx(now: number, settings: Settings = settingsFor(), labId = "default"): AuthContext {
      return { labId, now, trace: new Trace(mode, "contract"), settings };
    }

    function issue(user: AuthUser, input: CredentialInput, c: AuthContext): Promise<CookieInstruction[]> {
      return runWithTrace(c.trace, async () => (await h.strategy.issue(user, input, c)).cookies);
    }

    async function authenticate(input: CredentialInput, now: number, settings?: Settings): Promise<AuthResult> {
      const c = ctx(now, settings);
      return runWithTrace(c.trace, () => h.strategy.authenticate(input, c));
    }

    async function loggedIn(now = T0, settings?: Settings): Promise<{ user: AuthUser; cookies: CookieInstruction[]; input: CredentialInput }> {
      const user = await h.createUser();
      const c = ctx(now, settings);
      const cookies = await issue(user, { cookies: {} }, c);
      return { user, cookies, input: cookiesToInput(cookies) };
    }

    it("issue → authenticate gives back the same user, with credential details", async () => {
      const { user, input } = await loggedIn();
      const result = await authenticate(input, T0 + SEC);
      expect(result).toMatchObject({ ok: true, user: { id: user.id, email: user.email, role: user.role } });
      if (!result.ok) return;
      expect(result.credential.kind).toBe(mode);
      expect(result.credential.expiresAt.getTime()).toBeGreaterThan(T0 + SEC);
      expect(result.cookies).toEqual([]);
    });

    it("sets only HttpOnly, Secure cookies at login", async () => {
      const { cookies } = await loggedIn();
      expect(cookies.length).toBeGreaterThan(0);
      expect(cookies.map((c) => c.name)).toContain(h.credentialCookie);
      for (const c of cookies) {
        expect(c.attributes, c.name).toMatchObject({ httpOnly: true, secure: true });
        expect(c.attributes.maxAge, c.name).toBeGreaterThan(0);
      }
    });

    it("no credential → UNAUTHENTICATED, and nothing to clear", async () => {
      const result = await authenticate({ cookies: {} }, T0);
      expect(outcome(result)).toBe("UNAUTHENTICATED");
      expect(result.cookies).toEqual([]);
    });

    it("a tampered credential → 401 with the strategy's code", async () => {
      const { input } = await loggedIn();
      const value = input.cookies[h.credentialCookie] ?? "";
      const result = await authenticate({ cookies: { [h.credentialCookie]: flipMiddle(value) } }, T0 + SEC);
      expect(outcome(result)).toBe(promises.tamperedCode);
    });

    it.each([
      ["a short string", "x"],
      ["10 KB", "y".repeat(10_240)],
      ["unicode", "🍪 セッション \u0000"],
      ["an iron-shaped string", "Fe26.2**a*b*c*d*e*f~2"],
      ["a JWT-shaped string", "a.b.c"],
      ["a SQL-looking string", "' OR '1'='1"],
    ])("garbage (%s) → a 401 code, never a throw", async (_label, garbage) => {
      const result = await authenticate({ cookies: { [h.credentialCookie]: garbage }, authorization: null }, T0);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(ERRORS[result.code].status).toBe(401);
    });

    describe("expiry with a frozen clock", () => {
      if (mode === "session") {
        it("session: idle past sessionIdleSeconds → SESSION_IDLE_TIMEOUT (and ok a millisecond before)", async () => {
          const a = await loggedIn();
          expect(outcome(await authenticate(a.input, T0 + 600 * SEC - 1))).toBe("ok");
          const b = await loggedIn();
          expect(outcome(await authenticate(b.input, T0 + 600 * SEC))).toBe("SESSION_IDLE_TIMEOUT");
        });

        it("session: SESSION_ABSOLUTE_TIMEOUT at the absolute lifetime even with steady activity", async () => {
          const { input } = await loggedIn();
          for (let t = T0 + 500 * SEC; t < T0 + 3600 * SEC; t += 500 * SEC) {
            expect(outcome(await authenticate(input, t)), `+${(t - T0) / SEC}s`).toBe("ok");
          }
          expect(outcome(await authenticate(input, T0 + 3600 * SEC))).toBe("SESSION_ABSOLUTE_TIMEOUT");
        });
      }

      if (mode === "jwt") {
        it("jwt: ok within exp + tolerance, TOKEN_EXPIRED past it; activity does not extend it", async () => {
          const { input } = await loggedIn();
          const exp = T0 + 600 * SEC;
          for (let t = T0 + 100 * SEC; t < exp; t += 100 * SEC) expect(outcome(await authenticate(input, t))).toBe("ok");
          expect(outcome(await authenticate(input, exp + 5 * SEC - 1))).toBe("ok");
          expect(outcome(await authenticate(input, exp + 5 * SEC))).toBe("TOKEN_EXPIRED");
        });
      }
    });

    describe.each([
      ["denylist off", false],
      ["denylist on", true],
    ] as const)("logout and revocation (%s)", (_label, denylistEnabled) => {
      const settings = settingsFor({ denylistEnabled });
      const key = denylistEnabled ? "denylistOn" : "denylistOff";

      it("logout returns cookies that clear every login cookie (same name and path, Max-Age 0)", async () => {
        const { cookies, input } = await loggedIn(T0, settings);
        const c = ctx(T0 + SEC, settings);
        const out = await runWithTrace(c.trace, () => h.strategy.revoke(input, c));
        for (const set of cookies) {
          const cleared = out.cookies.find((o) => o.name === set.name);
          expect(cleared, set.name).toBeDefined();
          expect(cleared?.value).toBe("");
          expect(cleared?.attributes.maxAge).toBe(0);
          expect(cleared?.attributes.path).toBe(set.attributes.path);
        }
      });

      it(`a copied credential replayed after logout → ${promises.replayAfterLogout[key]}`, async () => {
        const { input } = await loggedIn(T0, settings);
        const c = ctx(T0 + SEC, settings);
        await runWithTrace(c.trace, () => h.strategy.revoke(input, c));
        expect(outcome(await authenticate(input, T0 + 2 * SEC, settings))).toBe(promises.replayAfterLogout[key]);
      });

      it("logout without any credential still clears and never throws", async () => {
        const c = ctx(T0, settings);
        const out = await runWithTrace(c.trace, () => h.strategy.revoke({ cookies: {} }, c));
        expect(out.cookies.length).toBeGreaterThan(0);
        expect(out.cookies.every((o) => o.attributes.maxAge === 0)).toBe(true);
      });

      it(`revokeAll → the user's existing credentials give ${promises.afterRevokeAll[key]}; other users are untouched`, async () => {
        const a = await loggedIn(T0, settings);
        const c = ctx(T0, settings);
        const second = cookiesToInput(await issue(a.user, { cookies: {} }, c));
        const bystander = await loggedIn(T0, settings);
        const revokeCtx = ctx(T0 + 2 * SEC, settings);
        await runWithTrace(revokeCtx.trace, () => h.strategy.revokeAll(a.user.id, revokeCtx, "LOGOUT_ALL"));
        expect(outcome(await authenticate(a.input, T0 + 3 * SEC, settings))).toBe(promises.afterRevokeAll[key]);
        expect(outcome(await authenticate(second, T0 + 3 * SEC, settings))).toBe(promises.afterRevokeAll[key]);
        expect(outcome(await authenticate(bystander.input, T0 + 3 * SEC, settings))).toBe("ok");
        // A new login after the revocation works.
        const fresh = ctx(T0 + 4 * SEC, settings);
        const again = cookiesToInput(await issue(a.user, { cookies: {} }, fresh));
        expect(outcome(await authenticate(again, T0 + 5 * SEC, settings))).toBe("ok");
      });

      it(`disabling a user in the user table alone → ${promises.afterDisableOnly[key]}`, async () => {
        const { user, input } = await loggedIn(T0, settings);
        await h.disableUser(user.id);
        expect(outcome(await authenticate(input, T0 + SEC, settings))).toBe(promises.afterDisableOnly[key]);
      });

      it(`disabling a user and revoking everything (the admin action) → ${promises.afterRevokeAll[key]}`, async () => {
        const { user, input } = await loggedIn(T0, settings);
        await h.disableUser(user.id);
        const c = ctx(T0 + 2 * SEC, settings);
        await runWithTrace(c.trace, () => h.strategy.revokeAll(user.id, c, "USER_DISABLED"));
        expect(outcome(await authenticate(input, T0 + 3 * SEC, settings))).toBe(promises.afterRevokeAll[key]);
      });

      it(`authenticate records its steps and makes ${promises.authenticateStoreQueries[key]} store quer${promises.authenticateStoreQueries[key] === 1 ? "y" : "ies"}`, async () => {
        const { input } = await loggedIn(T0, settings);
        const c = ctx(T0 + SEC, settings);
        const result = await runWithTrace(c.trace, () => h.strategy.authenticate(input, c));
        expect(result.ok).toBe(true);
        const steps = c.trace.steps;
        expect(steps[0]?.name).toBe("read-credential");
        expect(steps.every((s) => s.outcome === "ok")).toBe(true);
        expect(steps.every((s) => s.durationUs >= 0)).toBe(true);
        expect(c.trace.storeQueries).toBe(promises.authenticateStoreQueries[key]);
        const lookup = promises.lookupStep[key];
        if (lookup) expect(steps.find((s) => s.name === lookup)?.storeQueries).toBe(1);
        else expect(steps.some((s) => s.kind === "store")).toBe(false);
        // Queries are attributed to store steps only.
        for (const s of steps) if (s.kind !== "store") expect(s.storeQueries, s.name).toBe(0);
      });
    });

    it("a credential issued in one lab is CREDENTIAL_OTHER_LAB in another, with no store query, and still works at home", async () => {
      const { input } = await loggedIn();
      const elsewhere = ctx(T0 + SEC, settingsFor({ denylistEnabled: true }), "otherlab23");
      const result = await runWithTrace(elsewhere.trace, () => h.strategy.authenticate(input, elsewhere));
      expect(outcome(result)).toBe("CREDENTIAL_OTHER_LAB");
      expect(elsewhere.trace.storeQueries).toBe(0);
      expect(outcome(await authenticate(input, T0 + 2 * SEC))).toBe("ok");
    });

    it("a failed authentication marks the failing step in the trace", async () => {
      const c = ctx(T0);
      await runWithTrace(c.trace, () => h.strategy.authenticate({ cookies: { [h.credentialCookie]: "garbage" } }, c));
      expect(c.trace.steps.some((s) => s.outcome === "fail" && typeof s.detail === "string" && s.detail.length > 0)).toBe(true);
    });
  });
}
