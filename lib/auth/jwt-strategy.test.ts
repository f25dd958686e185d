import { createHmac } from "node:crypto";
import type * as jose from "jose";
import { CompactSign, exportJWK, FlattenedSign, generateKeyPair, jwtVerify, SignJWT, type JWTHeaderParameters, type JWTPayload } from "jose";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authContext, browserInput, JWT_SECRET, OTHER_JWT_SECRET, T0, TEST_LAB, testSettings } from "@/test/auth-fixtures";
import { createTestDb, insertUser, type TestDb } from "@/test/sqlite-db";
import { kidFor } from "../config/secrets";
import { ERRORS, StoreUnavailableError, type ErrorCode } from "../errors";
import { MemoryDenylistStore } from "../stores/memory-denylist-store";
import { runWithTrace } from "../trace/context";
import type { Settings } from "../settings/schema";
import { UserStore } from "../stores/prisma-user-store";
import { refreshService } from "@/test/refresh-service";
import { hmacKeySet } from "./jwt-keys";
import { ACCESS_TOKEN_TYP, CLOCK_TOLERANCE_SECONDS, JwtStrategy, MAX_TOKEN_BYTES } from "./jwt-strategy";
import { REFRESH_COOKIE_PATH } from "./cookies";
import type { AuthContext, AuthResult, AuthUser, CredentialInput } from "./types";

// Wrap the real jwtVerify in a spy, to prove that some tokens never reach any crypto.
vi.mock("jose", async (importOriginal) => {
  const actual = await importOriginal<typeof jose>();
  return { ...actual, jwtVerify: vi.fn(actual.jwtVerify) };
});

const ISSUER = "authlab-test";
const AUDIENCE = "authlab-test-api";
const KID = kidFor(JWT_SECRET);
const ACCESS = "__Host-access";
const REFRESH = "__Secure-refresh";
const NOW_S = Math.floor(T0 / 1000);
const SECRET_BYTES = new TextEncoder().encode(JWT_SECRET);

let testDb: TestDb;
let denylist: MemoryDenylistStore;
let keysCalls: number;
let jwt: JwtStrategy;
let user: AuthUser;

function build(secrets: Record<string, string> = { [KID]: JWT_SECRET }, signingKid = KID): JwtStrategy {
  const keySet = hmacKeySet(secrets, signingKid);
  return new JwtStrategy({
    keys: () => {
      keysCalls++;
      return keySet;
    },
    refresh: refreshService(testDb.db),
    denylist,
    users: new UserStore(testDb.db),
    issuer: ISSUER,
    audience: AUDIENCE,
    cookieNames: { access: ACCESS, refresh: REFRESH },
  });
}

function ctx(nowMs: number = T0, settings: Settings = testSettings()): AuthContext {
  return authContext("jwt", nowMs, settings);
}

function claims(overrides: Record<string, unknown> = {}): JWTPayload {
  return {
    sub: user.id,
    role: "user",
    email: user.email,
    lab: TEST_LAB,
    iat: NOW_S,
    exp: NOW_S + 900,
    jti: crypto.randomUUID(),
    iss: ISSUER,
    aud: AUDIENCE,
    ...overrides,
  };
}

/** Signs an arbitrary claims set and header; `omit` drops claims after defaults are applied. */
async function sign(
  options: { claims?: Record<string, unknown>; header?: Record<string, unknown>; key?: CryptoKey | Uint8Array; omit?: string[] } = {},
): Promise<string> {
  const payload = claims(options.claims);
  for (const name of options.omit ?? []) delete payload[name];
  const header = { alg: "HS256", typ: ACCESS_TOKEN_TYP, kid: KID, ...options.header } as JWTHeaderParameters;
  return new SignJWT(payload).setProtectedHeader(header).sign(options.key ?? SECRET_BYTES);
}

/** Signs raw payload bytes (for non-object payloads SignJWT refuses to produce). */
async function signRaw(payload: string | Uint8Array, header: Record<string, unknown> = {}): Promise<string> {
  const bytes = typeof payload === "string" ? new TextEncoder().encode(payload) : payload;
  return new CompactSign(bytes).setProtectedHeader({ alg: "HS256", typ: ACCESS_TOKEN_TYP, kid: KID, ...header }).sign(SECRET_BYTES);
}

/** HS256 by hand with node:crypto, for headers jose refuses to produce. */
function signByHand(header: Record<string, unknown>, payload: unknown): string {
  const input = `${b64json(header)}.${b64json(payload)}`;
  return `${input}.${createHmac("sha256", SECRET_BYTES).update(input).digest("base64url")}`;
}

const b64json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const unb64json = (part: string | undefined): Record<string, unknown> => JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8")) as Record<string, unknown>;

function bearer(token: string): CredentialInput {
  return { cookies: {}, authorization: `Bearer ${token}` };
}

async function auth(token: string, nowMs: number = T0, settings?: Settings): Promise<AuthResult> {
  return jwt.authenticate(bearer(token), ctx(nowMs, settings));
}

function expectCode(result: AuthResult, code: ErrorCode): void {
  expect(result.ok ? "ok" : result.code).toBe(code);
  expect(ERRORS[code].status).toBe(401);
}

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb.close();
});
beforeEach(async () => {
  await testDb.reset();
  denylist = new MemoryDenylistStore();
  keysCalls = 0;
  jwt = build();
  const row = await insertUser(testDb.db, { email: "alice@example.test" });
  user = { id: row.id, email: row.email, role: "user" };
  vi.mocked(jwtVerify).mockClear();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("JwtStrategy: a good token", () => {
  it("issues a token that authenticates as the user, with the documented header and claims", async () => {
    const issued = await jwt.issue(user, { cookies: {} }, ctx());
    const [h, p] = issued.accessToken.split(".");
    expect(unb64json(h)).toEqual({ alg: "HS256", typ: ACCESS_TOKEN_TYP, kid: KID });
    expect(unb64json(p)).toMatchObject({ sub: user.id, role: "user", email: user.email, lab: TEST_LAB, iat: NOW_S, exp: NOW_S + 900, iss: ISSUER, aud: AUDIENCE });
    const result = await auth(issued.accessToken);
    expect(result).toMatchObject({ ok: true, user, credential: { kind: "jwt", source: "Authorization", handle: issued.claims.jti } });
    expect(result.ok && result.credential.expiresAt.getTime()).toBe((NOW_S + 900) * 1000);
  });

  it("hand-signed baseline tokens authenticate (so every negative case below differs in one thing)", async () => {
    expect((await auth(await sign())).ok).toBe(true);
    expect((await auth(signByHand({ alg: "HS256", typ: ACCESS_TOKEN_TYP, kid: KID }, claims()))).ok).toBe(true);
  });

  it("sets the access cookie (Lax, Path=/) and a refresh cookie that is Strict and path-scoped (docs/SECURITY.md § Cookies)", async () => {
    const settings = testSettings({ accessTtlSeconds: 600, refreshIdleSeconds: 3600 });
    const issued = await jwt.issue(user, { cookies: {} }, ctx(T0, settings));
    const access = issued.cookies.find((c) => c.name === ACCESS);
    const refresh = issued.cookies.find((c) => c.name === REFRESH);
    expect(access).toEqual({ name: ACCESS, value: issued.accessToken, attributes: { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 600 } });
    expect(refresh?.attributes).toEqual({ httpOnly: true, secure: true, sameSite: "strict", path: REFRESH_COOKIE_PATH, maxAge: 3600 });
  });

  it("never confuses the refresh credential with an access token: it is opaque, not a JWT (docs/SECURITY.md § Access tokens (JWT))", async () => {
    const issued = await jwt.issue(user, { cookies: {} }, ctx());
    const refresh = issued.cookies.find((c) => c.name === REFRESH)?.value ?? "";
    expect(refresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expectCode(await auth(refresh), "TOKEN_MALFORMED");
    expectCode(await jwt.authenticate({ cookies: { [ACCESS]: refresh } }, ctx()), "TOKEN_MALFORMED");
  });
});

describe("JwtStrategy: algorithms (docs/SECURITY.md § Access tokens (JWT))", () => {
  it.each(["none", "None", "NONE", "nOnE"])("refuses alg %s (token built by hand) as TOKEN_ALG_NOT_ALLOWED", async (alg) => {
    const token = `${b64json({ alg, typ: ACCESS_TOKEN_TYP, kid: KID })}.${b64json(claims())}.`;
    expectCode(await auth(token), "TOKEN_ALG_NOT_ALLOWED");
  });

  it("refuses alg none even when a valid HS256 signature is attached", async () => {
    const [, payload, signature] = (await sign()).split(".");
    const token = `${b64json({ alg: "none", typ: ACCESS_TOKEN_TYP, kid: KID })}.${payload}.${signature}`;
    expectCode(await auth(token), "TOKEN_ALG_NOT_ALLOWED");
  });

  it.each(["HS384", "HS512"])("refuses %s even when signed with our own secret", async (alg) => {
    expectCode(await auth(await sign({ header: { alg } })), "TOKEN_ALG_NOT_ALLOWED");
  });

  it.each(["RS256", "PS256", "ES256", "EdDSA"])("refuses an asymmetric %s token", async (alg) => {
    const { privateKey } = await generateKeyPair(alg);
    expectCode(await auth(await sign({ header: { alg }, key: privateKey })), "TOKEN_ALG_NOT_ALLOWED");
  });

  it("refuses a missing or non-string alg as malformed", async () => {
    const [, payload, signature] = (await sign()).split(".");
    expectCode(await auth(`${b64json({ typ: ACCESS_TOKEN_TYP, kid: KID })}.${payload}.${signature}`), "TOKEN_MALFORMED");
    expectCode(await auth(`${b64json({ alg: 256, kid: KID })}.${payload}.${signature}`), "TOKEN_MALFORMED");
  });
});

describe("JwtStrategy: keys and signatures (docs/SECURITY.md § Access tokens (JWT))", () => {
  it("refuses a token signed with another secret under our kid as TOKEN_SIGNATURE_INVALID", async () => {
    const token = await sign({ key: new TextEncoder().encode(OTHER_JWT_SECRET) });
    expectCode(await auth(token), "TOKEN_SIGNATURE_INVALID");
  });

  it("refuses an unknown kid, a missing kid and a non-string kid as TOKEN_KEY_UNKNOWN", async () => {
    expectCode(await auth(await sign({ header: { kid: "hs256-deadbeef" } })), "TOKEN_KEY_UNKNOWN");
    expectCode(await auth(await sign({ header: { kid: undefined } })), "TOKEN_KEY_UNKNOWN");
    expectCode(await auth(await sign({ header: { kid: "__proto__" } })), "TOKEN_KEY_UNKNOWN");
    expectCode(await auth(await sign({ header: { kid: "constructor" } })), "TOKEN_KEY_UNKNOWN");
  });

  it("never follows jku, x5u or jwk: a token that brings its own key is still refused and nothing is fetched", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const attackerSecret = new TextEncoder().encode(OTHER_JWT_SECRET);
    const attackerJwk = { kty: "oct", k: Buffer.from(attackerSecret).toString("base64url") };
    const rsa = await generateKeyPair("RS256");
    const rsaJwk = await exportJWK(rsa.publicKey);

    const cases: [string, string, ErrorCode][] = [
      ["jku, our kid", await sign({ header: { jku: "https://evil.test/jwks.json" }, key: attackerSecret }), "TOKEN_SIGNATURE_INVALID"],
      ["jku, its own kid", await sign({ header: { jku: "https://evil.test/jwks.json", kid: "evil" }, key: attackerSecret }), "TOKEN_KEY_UNKNOWN"],
      ["x5u", await sign({ header: { x5u: "https://evil.test/cert.pem" }, key: attackerSecret }), "TOKEN_SIGNATURE_INVALID"],
      ["embedded oct jwk", await sign({ header: { jwk: attackerJwk }, key: attackerSecret }), "TOKEN_SIGNATURE_INVALID"],
      ["embedded jwk, no kid", await sign({ header: { jwk: attackerJwk, kid: undefined }, key: attackerSecret }), "TOKEN_KEY_UNKNOWN"],
      ["embedded RSA jwk", await sign({ header: { alg: "RS256", jwk: rsaJwk }, key: rsa.privateKey }), "TOKEN_ALG_NOT_ALLOWED"],
    ];
    for (const [label, token, code] of cases) {
      const result = await auth(token);
      expect(result.ok ? "ok" : result.code, label).toBe(code);
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("verifies with the previous key during rotation and signs with the current one", async () => {
    const previousKid = kidFor(OTHER_JWT_SECRET);
    const oldToken = await sign({ header: { kid: previousKid }, key: new TextEncoder().encode(OTHER_JWT_SECRET) });
    const rotated = build({ [KID]: JWT_SECRET, [previousKid]: OTHER_JWT_SECRET }, KID);
    expect((await rotated.authenticate(bearer(oldToken), ctx())).ok).toBe(true);
    const issued = await rotated.issue(user, { cookies: {} }, ctx());
    expect(unb64json(issued.accessToken.split(".")[0]).kid).toBe(KID);
    // The old key verifies only its own tokens: the kid pins the key.
    const crossed = await sign({ header: { kid: previousKid } });
    expect((await rotated.authenticate(bearer(crossed), ctx())).ok ? "ok" : "refused").toBe("refused");
  });

  it("refuses an altered payload (role → admin) with the original signature", async () => {
    const [h, p, s] = (await sign()).split(".");
    const escalated = b64json({ ...unb64json(p), role: "admin" });
    expectCode(await auth(`${h}.${escalated}.${s}`), "TOKEN_SIGNATURE_INVALID");
    const otherUser = b64json({ ...unb64json(p), sub: "someone-else" });
    expectCode(await auth(`${h}.${otherUser}.${s}`), "TOKEN_SIGNATURE_INVALID");
  });

  it("refuses an altered header with the original signature", async () => {
    const [h, p, s] = (await sign()).split(".");
    const altered = b64json({ ...unb64json(h), cty: "JWT" });
    expectCode(await auth(`${altered}.${p}.${s}`), "TOKEN_SIGNATURE_INVALID");
  });

  it("refuses a truncated, emptied, extended or bit-flipped signature", async () => {
    const token = await sign();
    const [h, p, s = ""] = token.split(".");
    const flipped = s.slice(0, 10) + (s[10] === "A" ? "B" : "A") + s.slice(11);
    for (const signature of [s.slice(0, -1), s.slice(0, -4), s.slice(0, 20), "", `${s}AA`, flipped]) {
      const result = await auth(`${h}.${p}.${signature}`);
      expect(result.ok, signature).toBe(false);
      expect(["TOKEN_SIGNATURE_INVALID", "TOKEN_MALFORMED"]).toContain(result.ok ? "ok" : result.code);
    }
    expectCode(await auth(`${h}.${p}.`), "TOKEN_SIGNATURE_INVALID");
  });
});

describe("JwtStrategy: time claims with a frozen clock (docs/SECURITY.md § Access tokens; jose semantics, tolerance 5 s)", () => {
  // jose compares whole seconds: now = floor(currentDate / 1000).
  //   exp: refused when exp <= now - tolerance      → accepted iff now <  exp + tolerance
  //   nbf: refused when nbf >  now + tolerance      → accepted iff now >= nbf - tolerance
  //   iat: refused when iat >  now + tolerance      → accepted iff now >= iat - tolerance
  //   age: refused when now - iat - tolerance > maxTokenAge (86 400 + 5)
  const TOL = CLOCK_TOLERANCE_SECONDS;
  const SUB_SECOND_OFFSETS = [0, 1, 500, 999];

  it("uses a 5 s tolerance", () => {
    expect(TOL).toBe(5);
  });

  it("exp: for every second from exp-3 to exp+8, accepts iff now < exp + 5, else TOKEN_EXPIRED", async () => {
    const exp = NOW_S + 900;
    const token = await sign({ claims: { exp } });
    for (let s = exp - 3; s <= exp + 8; s++) {
      for (const ms of SUB_SECOND_OFFSETS) {
        const result = await auth(token, s * 1000 + ms);
        expect(result.ok ? "ok" : result.code, `now = exp ${s - exp >= 0 ? "+" : ""}${s - exp}s +${ms}ms`).toBe(s < exp + TOL ? "ok" : "TOKEN_EXPIRED");
      }
    }
  });

  it("exp: an issued token works until exp + tolerance and not a millisecond beyond", async () => {
    const settings = testSettings({ accessTtlSeconds: 60 });
    const issued = await jwt.issue(user, { cookies: {} }, ctx(T0, settings));
    const limit = (issued.claims.exp + TOL) * 1000;
    expect((await auth(issued.accessToken, limit - 1, settings)).ok).toBe(true);
    expectCode(await auth(issued.accessToken, limit, settings), "TOKEN_EXPIRED");
  });

  it("nbf: for every second from nbf-8 to nbf+3, accepts iff now >= nbf - 5, else TOKEN_CLAIM_INVALID", async () => {
    const nbf = NOW_S + 100;
    const token = await sign({ claims: { nbf, iat: NOW_S, exp: NOW_S + 1000 } });
    for (let s = nbf - 8; s <= nbf + 3; s++) {
      for (const ms of SUB_SECOND_OFFSETS) {
        const result = await auth(token, s * 1000 + ms);
        expect(result.ok ? "ok" : result.code, `now = nbf ${s - nbf}s +${ms}ms`).toBe(s >= nbf - TOL ? "ok" : "TOKEN_CLAIM_INVALID");
      }
    }
  });

  it("iat in the future: for every second from iat-8 to iat+3, accepts iff now >= iat - 5", async () => {
    const iat = NOW_S + 100;
    const token = await sign({ claims: { iat, exp: iat + 900 } });
    for (let s = iat - 8; s <= iat + 3; s++) {
      for (const ms of SUB_SECOND_OFFSETS) {
        const result = await auth(token, s * 1000 + ms);
        expect(result.ok ? "ok" : result.code, `now = iat ${s - iat}s +${ms}ms`).toBe(s >= iat - TOL ? "ok" : "TOKEN_CLAIM_INVALID");
      }
    }
  });

  it("iat too old: a token older than a day (+ tolerance) is refused even if its exp says otherwise", async () => {
    const iat = NOW_S;
    const token = await sign({ claims: { iat, exp: iat + 3 * 86_400 } });
    const maxAge = 86_400 + TOL;
    for (let s = iat + maxAge + TOL - 3; s <= iat + maxAge + TOL + 3; s++) {
      const result = await auth(token, s * 1000);
      expect(result.ok ? "ok" : result.code, `age ${s - iat}s`).toBe(s - iat - TOL > maxAge ? "TOKEN_EXPIRED" : "ok");
    }
  });

  it.each([
    ["exp as a string", { exp: String(NOW_S + 900) }],
    ["iat as a string", { iat: String(NOW_S) }],
    ["nbf as a string", { nbf: "yesterday" }],
  ])("refuses %s as TOKEN_CLAIM_INVALID", async (_label, overrides) => {
    expectCode(await auth(await sign({ claims: overrides })), "TOKEN_CLAIM_INVALID");
  });
});

describe("JwtStrategy: the verified-token cache skips crypto, never a check", () => {
  const TOL = CLOCK_TOLERANCE_SECONDS;
  const verdict = (r: AuthResult) => (r.ok ? "ok" : r.code);

  it("verifies a token's signature once per instance; later requests say it was cached", async () => {
    const token = await sign();
    const first = ctx(T0);
    expect((await jwt.authenticate(bearer(token), first)).ok).toBe(true);
    const second = ctx(T0 + 1000);
    expect((await jwt.authenticate(bearer(token), second)).ok).toBe(true);
    expect(vi.mocked(jwtVerify)).toHaveBeenCalledTimes(1);
    expect(first.trace.steps.find((st) => st.name === "jwt-verify")?.detail ?? "").not.toMatch(/cached/);
    expect(second.trace.steps.find((st) => st.name === "jwt-verify")?.detail).toMatch(/cached/);
  });

  it.each([
    ["exp", { exp: NOW_S + 900 }, NOW_S + 900 + TOL],
    ["nbf", { nbf: NOW_S + 100, exp: NOW_S + 1000 }, NOW_S + 100 - TOL],
    ["iat in the future", { iat: NOW_S + 100, exp: NOW_S + 1000 }, NOW_S + 100 - TOL],
    ["iat too old", { iat: NOW_S, exp: NOW_S + 3 * 86_400 }, NOW_S + 86_400 + 2 * TOL],
  ])("%s: a warm cache answers exactly as a cold verification at every second around the boundary, in either direction", async (_label, overrides, boundary) => {
    const token = await sign({ claims: overrides });
    const seconds = Array.from({ length: 13 }, (_, i) => boundary - 6 + i);
    for (const order of [seconds, [...seconds].reverse()]) {
      // Warm: every second of the range is tried once, so the token is in the cache from the first valid one.
      const warm = build();
      const warmed = await Promise.all(seconds.map(async (sec) => verdict(await warm.authenticate(bearer(token), ctx(sec * 1000)))));
      expect(warmed).toContain("ok");
      for (const sec of order) {
        for (const ms of [0, 999]) {
          const now = sec * 1000 + ms;
          const cold = await build().authenticate(bearer(token), ctx(now));
          expect(verdict(await warm.authenticate(bearer(token), ctx(now))), `t = boundary ${sec - boundary}s +${ms}ms`).toBe(verdict(cold));
        }
      }
    }
  });

  it("does not trust a token verified under a key set that has since changed (rotation)", async () => {
    const token = await sign();
    const oldSet = hmacKeySet({ [KID]: JWT_SECRET }, KID);
    const newSet = hmacKeySet({ [kidFor(OTHER_JWT_SECRET)]: OTHER_JWT_SECRET }, kidFor(OTHER_JWT_SECRET));
    let current = oldSet;
    const rotating = new JwtStrategy({
      keys: () => current,
      refresh: refreshService(testDb.db),
      denylist,
      users: new UserStore(testDb.db),
      issuer: ISSUER,
      audience: AUDIENCE,
      cookieNames: { access: ACCESS, refresh: REFRESH },
    });
    expect((await rotating.authenticate(bearer(token), ctx(T0))).ok).toBe(true);
    current = newSet;
    expect(verdict(await rotating.authenticate(bearer(token), ctx(T0 + 1000)))).toBe("TOKEN_KEY_UNKNOWN");
  });

  it("still consults the denylist on a cached token: logout takes effect on the very next request", async () => {
    const withDenylist = testSettings({ denylistEnabled: true });
    const issued = await jwt.issue(user, { cookies: {} }, ctx(T0, withDenylist));
    expect((await auth(issued.accessToken, T0 + 500, withDenylist)).ok).toBe(true);
    expect((await auth(issued.accessToken, T0 + 600, withDenylist)).ok).toBe(true);
    // Another instance (another strategy object, the same denylist store) logs the token out.
    await build().revoke(browserInput(issued.cookies), ctx(T0 + 700, withDenylist));
    expectCode(await auth(issued.accessToken, T0 + 800, withDenylist), "TOKEN_REVOKED");
  });
});

describe("JwtStrategy: claims (docs/SECURITY.md § Access tokens (JWT))", () => {
  it.each([
    ["wrong iss", { claims: { iss: "someone-else" } }],
    ["missing iss", { omit: ["iss"] }],
    ["wrong aud", { claims: { aud: "another-api" } }],
    ["aud array without ours", { claims: { aud: ["another-api", "third"] } }],
    ["missing aud", { omit: ["aud"] }],
    ["wrong typ (plain JWT)", { header: { typ: "JWT" } }],
    ["refresh-looking typ", { header: { typ: "refresh+jwt" } }],
    ["missing typ", { header: { typ: undefined } }],
    ["missing sub", { omit: ["sub"] }],
    ["missing jti", { omit: ["jti"] }],
    ["missing exp", { omit: ["exp"] }],
    ["missing iat", { omit: ["iat"] }],
    ["an unknown role", { claims: { role: "superadmin" } }],
    ["a role of the wrong type", { claims: { role: ["admin"] } }],
    ["missing email", { omit: ["email"] }],
    ["sub of the wrong type", { claims: { sub: 42 } }],
    ["jti of the wrong type", { claims: { jti: { id: 1 } } }],
  ])("refuses %s as TOKEN_CLAIM_INVALID", async (_label, options) => {
    expectCode(await auth(await sign(options)), "TOKEN_CLAIM_INVALID");
  });

  it("takes the role from the verified token only", async () => {
    const result = await auth(await sign({ claims: { role: "admin" } }));
    expect(result.ok && result.user.role).toBe("admin");
  });
});

describe("JwtStrategy: malformed input (docs/SECURITY.md § Access tokens (JWT))", () => {
  const encoder = new TextEncoder();

  it("treats an empty token as absent when it comes from a cookie, and as malformed when verified", async () => {
    expectCode(await jwt.authenticate({ cookies: { [ACCESS]: "" } }, ctx()), "UNAUTHENTICATED");
    const verified = await jwt.verify("", ctx());
    expect(verified.ok ? "ok" : verified.code).toBe("TOKEN_MALFORMED");
  });

  it.each([
    ["one part", "abc"],
    ["two parts", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0"],
    ["four parts", "a.b.c.d"],
    ["five parts (JWE shape)", "a.b.c.d.e"],
    ["standard base64 characters", "eyJhbGciOiJIUzI1NiJ9+.eyJzdWIiOiIxIn0/.c2ln"],
    ["base64 padding", "eyJhbGciOiJIUzI1NiJ9=.eyJzdWIiOiIxIn0=.c2ln"],
    ["spaces", "eyJh bGci.eyJz.c2ln"],
    ["unicode", "ëyJhbGci.eyJz.c2ln"],
    ["empty header", ".eyJzdWIiOiIxIn0.c2ln"],
    ["empty payload", "eyJhbGciOiJIUzI1NiJ9..c2ln"],
    ["only dots", ".."],
  ])("refuses %s as TOKEN_MALFORMED without throwing", async (_label, token) => {
    expectCode(await jwt.authenticate({ cookies: { [ACCESS]: token } }, ctx()), "TOKEN_MALFORMED");
    const verified = await jwt.verify(token, ctx());
    expect(verified.ok ? "ok" : verified.code).toBe("TOKEN_MALFORMED");
  });

  it.each([
    ["a JSON array", "[1,2,3]"],
    ["a JSON string", "\"alice\""],
    ["a JSON number", "42"],
    ["JSON null", "null"],
    ["not JSON", "{sub: alice}"],
    ["empty", ""],
  ])("refuses a correctly signed payload that is %s as TOKEN_MALFORMED", async (_label, payload) => {
    expectCode(await auth(await signRaw(payload)), "TOKEN_MALFORMED");
  });

  it("refuses a correctly signed payload that is not UTF-8", async () => {
    expectCode(await auth(await signRaw(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))), "TOKEN_MALFORMED");
  });

  it("refuses a header that is not a JSON object", async () => {
    const [, p, s] = (await sign()).split(".");
    for (const header of [Buffer.from("not json").toString("base64url"), b64json([1]), b64json("HS256")]) {
      expectCode(await auth(`${header}.${p}.${s}`), "TOKEN_MALFORMED");
    }
  });

  it("refuses unencoded payloads (b64: false) and unknown critical headers", async () => {
    // RFC 7797 unencoded payload with only base64url characters, so it passes the shape check and
    // reaches jose, which must still refuse it for a JWT.
    const flattened = await new FlattenedSign(encoder.encode("abc"))
      .setProtectedHeader({ alg: "HS256", typ: ACCESS_TOKEN_TYP, kid: KID, b64: false, crit: ["b64"] })
      .sign(SECRET_BYTES);
    expectCode(await auth(`${flattened.protected}.abc.${flattened.signature}`), "TOKEN_MALFORMED");
    const jsonPayload = JSON.stringify(claims());
    expectCode(await auth(`${flattened.protected}.${jsonPayload}.${flattened.signature}`), "TOKEN_MALFORMED");
    // jose will not sign an unknown critical header, so this one is signed by hand.
    expectCode(await auth(signByHand({ alg: "HS256", typ: ACCESS_TOKEN_TYP, kid: KID, crit: ["exp-extension"], "exp-extension": 1 }, claims())), "TOKEN_MALFORMED");
  });

  it("regression: a non-Bearer Authorization header (Basic from an HTTP-auth gate) never hides a valid access cookie", async () => {
    const token = await sign();
    const withCookie = await jwt.authenticate({ cookies: { [ACCESS]: token }, authorization: "Basic dXNlcjpwYXNz" }, ctx());
    expect(withCookie.ok).toBe(true);
    // Nor is it taken for a token when there is no cookie: it is simply not a credential of ours.
    expectCode(await jwt.authenticate({ cookies: {}, authorization: `Basic ${token}` }, ctx()), "UNAUTHENTICATED");
  });

  it("a Bearer header without exactly one token is a malformed Bearer attempt", async () => {
    expectCode(await jwt.authenticate({ cookies: {}, authorization: "Bearer" }, ctx()), "TOKEN_MALFORMED");
    expectCode(await jwt.authenticate({ cookies: {}, authorization: "Bearer a b" }, ctx()), "TOKEN_MALFORMED");
  });

  it.each([
    ["exp far beyond any date", { exp: 1e300 }],
    ["exp past the largest Date", { exp: 9e12 }],
    ["exp not a whole number", { exp: NOW_S + 900.5 }],
    ["iat beyond any date", { iat: 1e300 }],
    ["nbf beyond any date", { nbf: 9e12 }],
    ["nbf not a number", { nbf: "soon" }],
  ])("regression: a validly signed token with %s is TOKEN_CLAIM_INVALID (401), never a 500", async (_label, overrides) => {
    expectCode(await auth(await sign({ claims: overrides })), "TOKEN_CLAIM_INVALID");
  });
});

describe("JwtStrategy: size cap (docs/SECURITY.md § Access tokens (JWT))", () => {
  it("refuses a token over MAX_TOKEN_BYTES as TOKEN_TOO_LARGE before any key lookup or jose call", async () => {
    const padded = await sign({ claims: { pad: "x".repeat(MAX_TOKEN_BYTES) } });
    expect(padded.length).toBeGreaterThan(MAX_TOKEN_BYTES);
    keysCalls = 0;
    vi.mocked(jwtVerify).mockClear();
    expectCode(await auth(padded), "TOKEN_TOO_LARGE");
    expectCode(await auth("a".repeat(1_000_000)), "TOKEN_TOO_LARGE");
    expect(vi.mocked(jwtVerify)).not.toHaveBeenCalled();
    expect(keysCalls).toBe(0);
  });

  it("refuses malformed shapes before any jose call too", async () => {
    vi.mocked(jwtVerify).mockClear();
    expectCode(await auth("a.b"), "TOKEN_MALFORMED");
    expect(vi.mocked(jwtVerify)).not.toHaveBeenCalled();
  });

  it("does verify a token exactly at the cap (the cap is not off by one)", async () => {
    const base = await sign({ claims: { pad: "", jti: "fixed" } });
    // Every 3 claim characters add 4 base64url characters: grow the pad until the token reaches the cap,
    // then trim the (now invalid) signature by the one or two characters of overshoot.
    let token = base;
    for (let n = Math.floor(((MAX_TOKEN_BYTES - base.length) * 3) / 4) - 8; token.length < MAX_TOKEN_BYTES; n++) {
      token = await sign({ claims: { pad: "x".repeat(n), jti: "fixed" } });
    }
    token = token.slice(0, MAX_TOKEN_BYTES);
    expect(token.length).toBe(MAX_TOKEN_BYTES);
    vi.mocked(jwtVerify).mockClear();
    const result = await auth(token);
    expect(result.ok ? "ok" : result.code).not.toBe("TOKEN_TOO_LARGE");
    expect(vi.mocked(jwtVerify)).toHaveBeenCalledTimes(1);
  });
});

describe("JwtStrategy: where the token comes from", () => {
  it("prefers the Bearer header over the cookie (RFC 6750), case-insensitively", async () => {
    const other = await insertUser(testDb.db, { email: "bob@example.test" });
    const cookieToken = await sign();
    const headerToken = await sign({ claims: { sub: other.id, email: other.email } });
    for (const scheme of ["Bearer", "bearer", "BEARER"]) {
      const result = await jwt.authenticate({ cookies: { [ACCESS]: cookieToken }, authorization: `${scheme} ${headerToken}` }, ctx());
      expect(result.ok && [result.user.id, result.credential.source]).toEqual([other.id, "Authorization"]);
    }
  });

  it("does not fall back to the cookie when the header's token is bad", async () => {
    const result = await jwt.authenticate({ cookies: { [ACCESS]: await sign() }, authorization: "Bearer not.a.jwt" }, ctx());
    expect(result.ok).toBe(false);
  });

  it("reads the cookie when there is no header, and says so", async () => {
    const result = await jwt.authenticate({ cookies: { [ACCESS]: await sign() }, authorization: null }, ctx());
    expect(result.ok && result.credential.source).toBe(ACCESS);
  });

  it("returns UNAUTHENTICATED with nothing to clear when neither is sent", async () => {
    const result = await jwt.authenticate({ cookies: {} }, ctx());
    expectCode(result, "UNAUTHENTICATED");
    expect(result.cookies).toEqual([]);
  });

  it("never puts the token in the trace (docs/SECURITY.md § Access tokens (JWT))", async () => {
    const token = await sign({ claims: { role: "superadmin" } });
    const c = ctx();
    await jwt.authenticate(bearer(token), c);
    const traced = JSON.stringify(c.trace.toJSON());
    expect(traced).not.toContain(token);
    expect(traced).not.toContain(token.split(".")[2]);
  });
});

describe("JwtStrategy: logout, denylist and refresh (docs/SECURITY.md § Access tokens (JWT), Refresh tokens)", () => {
  const withDenylist = testSettings({ denylistEnabled: true });

  it("logout with the denylist on records the jti until exp + tolerance, and the copied token dies", async () => {
    const issued = await jwt.issue(user, { cookies: {} }, ctx(T0, withDenylist));
    const input = browserInput(issued.cookies);
    await jwt.revoke(input, ctx(T0 + 1000, withDenylist));
    const entries = await denylist.list(TEST_LAB, T0 + 1000);
    expect(entries).toEqual([{ key: `jti:${issued.claims.jti}`, expiresAt: new Date((issued.claims.exp + CLOCK_TOLERANCE_SECONDS) * 1000), notBefore: null }]);
    expectCode(await auth(issued.accessToken, T0 + 2000, withDenylist), "TOKEN_REVOKED");
  });

  it("revokeAll with the denylist on kills tokens issued before that second, not a login right after", async () => {
    const before = await jwt.issue(user, { cookies: {} }, ctx(T0, withDenylist));
    await jwt.revokeAll(user.id, ctx(T0 + 1500, withDenylist), "PASSWORD_CHANGED");
    const after = await jwt.issue(user, { cookies: {} }, ctx(T0 + 2000, withDenylist));
    expectCode(await auth(before.accessToken, T0 + 2500, withDenylist), "TOKEN_REVOKED");
    expect((await auth(after.accessToken, T0 + 2500, withDenylist)).ok).toBe(true);
    // And the refresh family is gone: no way to mint a fresh token from the old login.
    const refreshed = await jwt.refresh(browserInput(before.cookies), ctx(T0 + 3000, withDenylist));
    expect(refreshed.ok ? "ok" : refreshed.code).toBe("REFRESH_TOKEN_REVOKED");
  });

  it("refresh rotates the refresh cookie and mints an access token with the user's current role", async () => {
    const issued = await jwt.issue(user, { cookies: {} }, ctx());
    await testDb.db.user.update({ where: { id: user.id }, data: { role: "admin" } });
    const refreshed = await jwt.refresh(browserInput(issued.cookies), ctx(T0 + 60_000));
    if (!refreshed.ok) throw new Error(refreshed.code);
    expect(refreshed.user.role).toBe("admin");
    const newRefresh = refreshed.cookies.find((c) => c.name === REFRESH)?.value;
    expect(newRefresh).not.toBe(issued.cookies.find((c) => c.name === REFRESH)?.value);
    const result = await auth(refreshed.accessToken, T0 + 61_000);
    expect(result.ok && result.user.role).toBe("admin");
    // The old access token keeps its old role until it expires: the lesson of stateless tokens.
    const old = await auth(issued.accessToken, T0 + 61_000);
    expect(old.ok && old.user.role).toBe("user");
  });

  it("refresh of a disabled user fails with USER_DISABLED, clears both cookies and revokes the family", async () => {
    const issued = await jwt.issue(user, { cookies: {} }, ctx());
    await testDb.db.user.update({ where: { id: user.id }, data: { disabled: true } });
    const refreshed = await jwt.refresh(browserInput(issued.cookies), ctx(T0 + 1000));
    expect(refreshed.ok ? "ok" : refreshed.code).toBe("USER_DISABLED");
    expect(refreshed.cookies.map((c) => [c.name, c.attributes.maxAge])).toEqual([[ACCESS, 0], [REFRESH, 0]]);
    const family = await testDb.db.refreshFamily.findUniqueOrThrow({ where: { id: issued.familyId } });
    expect(family.revokedAt).not.toBeNull();
  });

  it("regression: a retry whose first answer was lost gets the same refresh cookie and a working access token; a reuse after the window clears them", async () => {
    const issued = await jwt.issue(user, { cookies: {} }, ctx());
    const input = browserInput(issued.cookies);
    const first = await jwt.refresh(input, ctx(T0 + 1000));
    if (!first.ok) throw new Error(first.code);
    // The network lost `first`: the client still holds the old cookie and tries again.
    const retry = await jwt.refresh(input, ctx(T0 + 2000));
    if (!retry.ok) throw new Error(`retry refused: ${retry.code}`);
    const cookieOf = (cookies: typeof retry.cookies) => cookies.find((c) => c.name === REFRESH)?.value;
    expect(cookieOf(retry.cookies)).toBe(cookieOf(first.cookies));
    expect((await jwt.authenticate(bearer(retry.accessToken), ctx(T0 + 2000))).ok).toBe(true);
    const reused = await jwt.refresh(input, ctx(T0 + 60_000));
    expect(reused.ok ? "ok" : reused.code).toBe("REFRESH_TOKEN_REUSED");
    expect(reused.cookies.every((c) => c.attributes.maxAge === 0 && c.value === "")).toBe(true);
    expect(reused.cookies).toHaveLength(2);
  });

  it("refresh without a refresh cookie is REFRESH_TOKEN_MISSING", async () => {
    const refreshed = await jwt.refresh({ cookies: {} }, ctx());
    expect(refreshed.ok ? "ok" : refreshed.code).toBe("REFRESH_TOKEN_MISSING");
  });
});

describe("JwtStrategy: denylist outage (docs/SECURITY.md § Stores and outages)", () => {
  it("fails closed: with the denylist on and its store down, authenticate throws StoreUnavailableError, never ok", async () => {
    const token = await sign();
    denylist.check = () => Promise.reject(new StoreUnavailableError("database is unavailable"));
    await expect(jwt.authenticate(bearer(token), ctx(T0, testSettings({ denylistEnabled: true })))).rejects.toBeInstanceOf(StoreUnavailableError);
    // With the denylist off no store is consulted, so the outage does not matter.
    expect((await auth(token)).ok).toBe(true);
  });

  it("the lab's outage switch: a JWT keeps verifying with the denylist off, and fails closed with it on (503, never a pass)", async () => {
    const token = await sign();
    const faulted = (denylistEnabled: boolean) => ctx(T0, testSettings({ storeFault: true, denylistEnabled }));
    const open = faulted(false);
    expect((await jwt.authenticate(bearer(token), open)).ok).toBe(true);
    expect(open.trace.storeQueries).toBe(0);
    const closed = faulted(true);
    const refused = await runWithTrace(closed.trace, () => jwt.authenticate(bearer(token), closed)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    expect((refused as StoreUnavailableError).backend).toBe("memory");
    // The attempt is on the trace as a failed denylist lookup, one store operation.
    expect(closed.trace.steps.find((s) => s.name === "denylist-check")).toMatchObject({ outcome: "fail", storeQueries: 1 });
    // Logging out with the denylist on needs its store too: 503, the jti not recorded.
    await expect(jwt.revoke(bearer(token), faulted(true))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await denylist.list(TEST_LAB, T0)).toEqual([]);
    // Switch off: the same token verifies with the denylist on, nothing was revoked meanwhile.
    expect((await jwt.authenticate(bearer(token), ctx(T0, testSettings({ denylistEnabled: true })))).ok).toBe(true);
  });
});


describe("JwtStrategy: labs", () => {
  it("carries the lab in the token, and a token of lab A is CREDENTIAL_OTHER_LAB in lab B without any lookup", async () => {
    const issued = await jwt.issue(user, { cookies: {} }, ctx());
    expect(unb64json(issued.accessToken.split(".")[1]).lab).toBe(TEST_LAB);
    const elsewhere = authContext("jwt", T0 + 1000, testSettings({ denylistEnabled: true }), "otherlab23");
    expectCode(await jwt.authenticate(bearer(issued.accessToken), elsewhere), "CREDENTIAL_OTHER_LAB");
    expect(elsewhere.trace.storeQueries).toBe(0);
  });

  it("a token signed before labs existed (no lab claim) belongs to the default lab", async () => {
    const legacy = await sign({ omit: ["lab"] });
    expect((await auth(legacy)).ok).toBe(true);
    expectCode(await jwt.authenticate(bearer(legacy), authContext("jwt", T0, testSettings(), "otherlab23")), "CREDENTIAL_OTHER_LAB");
  });

  it("a lab claim that is not a lab id is an invalid claim", async () => {
    expectCode(await auth(await sign({ claims: { lab: "../../etc" } })), "TOKEN_CLAIM_INVALID");
  });

  it("a refresh token of lab A is CREDENTIAL_OTHER_LAB in lab B and stays usable in A", async () => {
    const issued = await jwt.issue(user, { cookies: {} }, ctx());
    const input = browserInput(issued.cookies);
    const elsewhere = await jwt.refresh(input, authContext("jwt", T0 + 1000, testSettings(), "otherlab23"));
    expect(elsewhere.ok ? "ok" : elsewhere.code).toBe("CREDENTIAL_OTHER_LAB");
    expect((await jwt.refresh(input, ctx(T0 + 2000))).ok).toBe(true);
  });
});
