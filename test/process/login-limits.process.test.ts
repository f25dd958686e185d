// The login limits as an attacker meets them, against the production build over real HTTP:
// spoofed X-Forwarded-For, many wrong passwords at once, password-change guessing, and the one
// X-Forwarded-For hop a declared proxy adds. docs/SECURITY.md "Login and passwords".
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sqliteBacking, startInstance, type Backing, type Instance } from "./cluster";
import { call, cookie, type Answer } from "./http";

const ACCOUNT_BUDGET = 10;
const ADDRESS_BUDGET = 20;

const wrong = (email: string, headers: Record<string, string> = {}) =>
  call(instance.url, "/api/auth/session/login", { method: "POST", body: { email, password: "not-the-password" }, headers });

const statuses = (answers: Answer[]) => answers.map((a) => a.status);
const count = (answers: Answer[], status: number) => answers.filter((a) => a.status === status).length;

let backing: Backing;
let instance: Instance;

async function register(email: string, password = "correct-horse-battery"): Promise<void> {
  const answer = await call(instance.url, "/api/auth/register", { method: "POST", body: { email, password } });
  expect(answer.status).toBe(201);
}

describe("login limits against the production build (no proxy in front: TRUSTED_PROXY_HOPS unset)", () => {
  beforeAll(async () => {
    backing = await sqliteBacking();
    instance = await startInstance("limits", {
      ...backing.env,
      RATE_LIMIT_IP_FAILURES: String(ADDRESS_BUDGET),
      RATE_LIMIT_ACCOUNT_FAILURES: String(ACCOUNT_BUDGET),
    });
  });
  afterAll(async () => {
    await instance?.stop();
    await backing?.dispose();
  });

  test(`regression: 50 wrong passwords at once for one account → at most ${ACCOUNT_BUDGET} checked (401), the rest 429`, async () => {
    const victim = `victim-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await register(victim);
    const answers = await Promise.all(Array.from({ length: 50 }, () => wrong(victim)));
    expect(count(answers, 401), statuses(answers).join(",")).toBe(ACCOUNT_BUDGET);
    expect(count(answers, 429)).toBe(50 - ACCOUNT_BUDGET);
    const limited = answers.find((a) => a.status === 429);
    expect(limited?.body.error?.code).toBe("RATE_LIMITED");
    // Even the right password waits: no oracle for the attacker, and the limit lasts one window at most.
    expect((await call(instance.url, "/api/auth/session/login", { method: "POST", body: { email: victim, password: "correct-horse-battery" } })).status).toBe(429);
  });

  test("regression: once the address is limited, a spoofed X-Forwarded-For never buys another password check", async () => {
    // The account refusals above cost this address nothing; spend its budget on fresh accounts.
    let spent = 0;
    for (let i = 0; i < ADDRESS_BUDGET * 2; i++) {
      const answer = await wrong(`nobody-${i}-${crypto.randomUUID().slice(0, 6)}@example.com`);
      if (answer.status === 429) break;
      expect(answer.status).toBe(401);
      spent++;
    }
    expect(spent).toBeLessThanOrEqual(ADDRESS_BUDGET - ACCOUNT_BUDGET);
    const spoofed = await Promise.all(
      Array.from({ length: 20 }, (_, n) => wrong(`spoof-${n}@example.com`, { "x-forwarded-for": `203.0.113.${n + 1}`, "x-authlab-client-address": `198.51.100.${n + 1}` })),
    );
    expect(statuses(spoofed)).toEqual(Array(20).fill(429));
  });
});

describe("the password-change route is limited like a login (a stolen session buys no unlimited guessing)", () => {
  let limited: Instance;
  let own: Backing;
  beforeAll(async () => {
    own = await sqliteBacking();
    limited = await startInstance("password-limits", { ...own.env, RATE_LIMIT_ACCOUNT_FAILURES: String(ACCOUNT_BUDGET) });
  });
  afterAll(async () => {
    await limited?.stop();
    await own?.dispose();
  });

  test(`regression: 15 wrong current passwords with a stolen session → ${ACCOUNT_BUDGET} × 403, then 429`, async () => {
    const email = `stolen-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const password = "correct-horse-battery";
    expect((await call(limited.url, "/api/auth/register", { method: "POST", body: { email, password } })).status).toBe(201);
    const login = await call(limited.url, "/api/auth/session/login", { method: "POST", body: { email, password } });
    const session = cookie(login.setCookies, "__Host-session");
    const answers: Answer[] = [];
    for (let i = 0; i < 15; i++) {
      answers.push(await call(limited.url, "/api/account/password", { method: "POST", headers: { cookie: session }, body: { currentPassword: `guess-${i}`, newPassword: "attacker-password" } }));
    }
    expect(statuses(answers)).toEqual([...Array(ACCOUNT_BUDGET).fill(403), ...Array(15 - ACCOUNT_BUDGET).fill(429)]);
    // The same account budget covers login: the guesses above count there too.
    expect((await call(limited.url, "/api/auth/session/login", { method: "POST", body: { email, password: "another-guess" } })).status).toBe(429);
  });
});

describe("behind one declared proxy (TRUSTED_PROXY_HOPS=1) only the hop that proxy added counts", () => {
  let proxied: Instance;
  let own: Backing;
  const BUDGET = 3;
  beforeAll(async () => {
    own = await sqliteBacking();
    proxied = await startInstance("behind-proxy", { ...own.env, TRUSTED_PROXY_HOPS: "1", RATE_LIMIT_IP_FAILURES: String(BUDGET) });
  });
  afterAll(async () => {
    await proxied?.stop();
    await own?.dispose();
  });

  const via = (hops: string, n: number) =>
    call(proxied.url, "/api/auth/jwt/login", { method: "POST", body: { email: `p${n}-${crypto.randomUUID().slice(0, 6)}@example.com`, password: "nope-nope" }, headers: { "x-forwarded-for": hops } });

  test("a client is counted by the address the proxy saw, whatever it prepends itself", async () => {
    for (let i = 0; i < BUDGET; i++) expect((await via(`10.66.0.${i}, 203.0.113.50`, i)).status).toBe(401);
    expect((await via("10.66.0.99, 203.0.113.50", 99)).status).toBe(429);
    expect((await via("203.0.113.50", 100)).status).toBe(429);
    // Another client behind the same proxy has its own budget.
    expect((await via("203.0.113.51", 101)).status).toBe(401);
  });
});
