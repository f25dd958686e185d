import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { SignJWT } from "jose";
import { BASE_URL } from "../../playwright.config";
import { COOKIE, cookieHeader, cookieValue, DEMO, expectError, jwtLogin } from "../fixtures/api";

/**
 * What an outside security test broke, each pinned at the HTTP level against the production build
 * (docs/SECURITY.md names each control). The limits themselves are in
 * test/process/login-limits.process.test.ts (they need servers with small budgets).
 */

/** The e2e server's fixed test secret (scripts/e2e-server.mjs), so this spec can sign valid tokens. */
const E2E_SECRET_TEXT = "e2e-jwt-secret-0123456789abcdefghijklmnopqrstuv";
const E2E_JWT_SECRET = new TextEncoder().encode(E2E_SECRET_TEXT);
/** The key id the server gives that secret (lib/config/secrets.ts kidFor). */
const KID = `hs256-${createHash("sha256").update(E2E_SECRET_TEXT).digest("hex").slice(0, 8)}`;

test.describe("Validly signed tokens with absurd times", () => {
  for (const [label, times] of [
    ["exp 1e300", { exp: 1e300 }],
    ["exp 9e12 (past the largest Date)", { exp: 9e12 }],
    ["iat 9e12", { iat: 9e12 }],
    ["nbf 9e12", { nbf: 9e12 }],
  ] as const) {
    test(`regression: ${label} → 401 TOKEN_CLAIM_INVALID on every route, never a 500`, async ({ request }) => {
      const now = Math.floor(Date.now() / 1000);
      const me = (await (await request.post("/api/auth/jwt/login?cookies=none", { data: DEMO.alice })).json()) as { user: { id: string; email: string } };
      const token = await new SignJWT({ role: "user", email: me.user.email, ...{ iat: now, exp: now + 600 }, ...times })
        .setProtectedHeader({ alg: "HS256", typ: "at+jwt", kid: KID })
        .setSubject(me.user.id)
        .setJti(crypto.randomUUID())
        .setIssuer("authlab")
        .setAudience("authlab-api")
        .sign(E2E_JWT_SECRET);
      const bearer = { authorization: `Bearer ${token}` };
      for (const path of ["/api/me", "/api/ping/protected", "/api/admin/users"]) {
        await expectError(await request.get(path, { headers: bearer }), 401, "TOKEN_CLAIM_INVALID");
      }
      await expectError(await request.post("/api/auth/jwt/logout-all", { headers: bearer }), 401, "TOKEN_CLAIM_INVALID");
      // The lab's inspector decodes it without falling over either.
      expect((await request.get("/api/inspect?mode=jwt", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
    });
  }
});

test.describe("Authorization headers of other schemes", () => {
  test("regression: a Basic header never hides a valid access cookie", async ({ request }) => {
    const { response } = await jwtLogin(request, DEMO.alice);
    const access = cookieValue(response, COOKIE.access);
    const me = await request.get("/api/me?mode=jwt", { headers: { authorization: "Basic dXNlcjpwYXNz", cookie: cookieHeader({ [COOKIE.access]: access }) } });
    expect(me.status()).toBe(200);
    const body = (await me.json()) as { credential: { source: string }; trace: { steps: { name: string; detail?: string }[] } };
    expect(body.credential.source).toBe(COOKIE.access);
    expect(body.trace.steps.find((s) => s.name === "read-credential")?.detail).toContain("Basic … ignored");
  });

  test("and alone it is no credential at all: 401 UNAUTHENTICATED, not a malformed token", async ({ request }) => {
    await expectError(await request.get("/api/me?mode=jwt", { headers: { authorization: "Basic dXNlcjpwYXNz" } }), 401, "UNAUTHENTICATED");
  });
});

/** GET with a Host header of our choosing (fetch and Playwright may not let a test forge it). */
function getWithHost(path: string, host: string): Promise<{ status: number; location: string | undefined }> {
  const url = new URL(path, BASE_URL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: url.port, path: url.pathname + url.search, headers: { host } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, location: res.headers.location });
    });
    req.on("error", reject);
    req.end();
  });
}

test.describe("Redirects never trust the Host header", () => {
  for (const host of ["evil.example", "evil.example:443", `localhost:${new URL(BASE_URL).port}`]) {
    test(`regression: GET /dashboard with Host: ${host} redirects to a relative /login`, async () => {
      const { status, location } = await getWithHost("/dashboard", host);
      expect(status).toBe(307);
      expect(location).toMatch(/^\/login\?next=%2Fdashboard/);
      expect(location).not.toContain("evil");
    });
  }

  test("the JWT refresh hand-over is relative too", async ({ request }) => {
    const { response } = await jwtLogin(request, DEMO.alice);
    const refresh = cookieValue(response, COOKIE.refresh);
    const { location } = await new Promise<{ location: string | undefined }>((resolve, reject) => {
      const url = new URL("/dashboard", BASE_URL);
      const req = httpRequest({ host: "127.0.0.1", port: url.port, path: "/dashboard", headers: { host: "evil.example", cookie: `mode=jwt; ${COOKIE.refresh}=${refresh}` } }, (res) => {
        res.resume();
        resolve({ location: res.headers.location });
      });
      req.on("error", reject);
      req.end();
    });
    expect(location).toMatch(/^\/auth\/refresh\?next=%2Fdashboard$/);
  });
});

test.describe("Refresh that a flaky network cannot turn into a logout", () => {
  test("regression: a client whose refresh answer was lost retries with the same cookie and gets a working credential", async ({ request }) => {
    const { refresh } = await jwtLogin(request, DEMO.alice);
    const sent = { cookie: cookieHeader({ [COOKIE.refresh]: refresh }) };
    const lost = await request.post("/api/auth/jwt/refresh", { headers: sent });
    expect(lost.status()).toBe(200);
    // The client never saw `lost`: it still holds the old cookie and tries again.
    const retry = await request.post("/api/auth/jwt/refresh", { headers: sent });
    expect(retry.status()).toBe(200);
    expect(cookieValue(retry, COOKIE.refresh)).toBe(cookieValue(lost, COOKIE.refresh));
    const { accessToken, trace } = (await retry.json()) as { accessToken: string; trace: { steps: { name: string; detail?: string }[] } };
    expect(trace.steps.find((s) => s.name === "refresh-rotate")?.detail).toMatch(/same successor/);
    expect((await request.get("/api/me", { headers: { authorization: `Bearer ${accessToken}` } })).status()).toBe(200);
  });

  test("10 parallel refreshes with one token: all 200, all holding the one successor", async ({ request }) => {
    const { refresh } = await jwtLogin(request, DEMO.alice);
    const headers = { cookie: cookieHeader({ [COOKIE.refresh]: refresh }) };
    const responses = await Promise.all(Array.from({ length: 10 }, () => request.post("/api/auth/jwt/refresh", { headers })));
    expect(responses.map((r) => r.status())).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((r) => cookieValue(r, COOKIE.refresh))).size).toBe(1);
  });

  test("a replay after the grace window is still theft: the family is revoked", async ({ request }) => {
    const { refresh } = await jwtLogin(request, DEMO.alice);
    const headers = { cookie: cookieHeader({ [COOKIE.refresh]: refresh }) };
    const first = await request.post("/api/auth/jwt/refresh", { headers });
    const successor = cookieValue(first, COOKIE.refresh);
    const advanced = await request.post("/api/demo/clock", { data: { advanceSeconds: 11 } });
    expect(advanced.status()).toBe(200);
    try {
      await expectError(await request.post("/api/auth/jwt/refresh", { headers }), 401, "REFRESH_TOKEN_REUSED");
      await expectError(await request.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: successor }) } }), 401, "REFRESH_TOKEN_REVOKED");
    } finally {
      expect((await request.post("/api/demo/clock", { data: { reset: true } })).status()).toBe(200);
    }
  });
});
