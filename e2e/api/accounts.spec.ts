import { expect, test } from "@playwright/test";
import { COOKIE, cookieHeader, DEMO, expectError, jwtLogin, register, sessionLogin, setCookies, uniqueEmail } from "../fixtures/api";

test.describe("Accounts: registration, login failures, rate limits, password change", () => {
  test("one person, one account: emails are normalised (case, Unicode)", async ({ request }) => {
    const local = uniqueEmail("norm").split("@")[0]!;
    await register(request, `${local}@example.com`);
    await expectError(await request.post("/api/auth/register", { data: { email: `  ${local.toUpperCase()}@EXAMPLE.COM `, password: "another-password" } }), 409, "EMAIL_TAKEN");
    // Full-width letters fold to ASCII under NFKC.
    const fullWidth = [...local].map((ch) => (/[a-z]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch)).join("");
    await expectError(await request.post("/api/auth/register", { data: { email: `${fullWidth}@example.com`, password: "another-password" } }), 409, "EMAIL_TAKEN");
  });

  test("unknown user and wrong password look exactly the same", async ({ request }) => {
    const unknown = await request.post("/api/auth/session/login", { data: { email: uniqueEmail("ghost"), password: "whatever-it-is" } });
    const wrong = await request.post("/api/auth/session/login", { data: { email: DEMO.alice.email, password: "not-her-password" } });
    expect(unknown.status()).toBe(401);
    expect(wrong.status()).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  test("repeated failures for one account → 429 with Retry-After; other accounts are unaffected", async ({ request }) => {
    const victim = await register(request);
    let limited = null;
    for (let i = 0; i < 12 && !limited; i++) {
      const res = await request.post("/api/auth/jwt/login", { data: { email: victim.email, password: `wrong-guess-${i}` } });
      if (res.status() === 429) limited = res;
      else expect(res.status()).toBe(401);
    }
    expect(limited, "the account limiter should trip within 12 failures").not.toBeNull();
    await expectError(limited!, 429, "RATE_LIMITED");
    expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);
    // Even the right password waits out the limit (no oracle), but the limit is per account.
    await expectError(await request.post("/api/auth/jwt/login", { data: { email: victim.email, password: victim.password } }), 429, "RATE_LIMITED");
    await jwtLogin(request, await register(request));
  });

  test("changing the password ends every other credential and issues a fresh one", async ({ request }) => {
    const user = await register(request);
    const other = await sessionLogin(request, user);
    const mine = await sessionLogin(request, user);
    const jwt = await jwtLogin(request, user);
    const res = await request.post("/api/account/password", {
      data: { currentPassword: user.password, newPassword: "brand-new-password" },
      headers: { cookie: cookieHeader({ [COOKIE.session]: mine.seal }) },
    });
    expect(res.status()).toBe(200);
    const fresh = setCookies(res).find((c) => c.name === COOKIE.session)!.value;
    expect(fresh).not.toBe(mine.seal);
    for (const seal of [other.seal, mine.seal]) {
      await expectError(await request.get("/api/me?mode=session", { headers: { cookie: cookieHeader({ [COOKIE.session]: seal }) } }), 401, "SESSION_NOT_FOUND");
    }
    expect((await request.get("/api/me?mode=session", { headers: { cookie: cookieHeader({ [COOKIE.session]: fresh }) } })).status()).toBe(200);
    await expectError(await request.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: jwt.refresh }) } }), 401, "REFRESH_TOKEN_REVOKED");
    await expectError(await request.post("/api/auth/session/login", { data: { email: user.email, password: user.password } }), 401, "INVALID_CREDENTIALS");
  });

  test("wrong current password → 403, nothing changes", async ({ request }) => {
    const user = await register(request);
    const { seal } = await sessionLogin(request, user);
    await expectError(
      await request.post("/api/account/password", { data: { currentPassword: "not-it-at-all", newPassword: "brand-new-password" }, headers: { cookie: cookieHeader({ [COOKIE.session]: seal }) } }),
      403,
      "PASSWORD_INCORRECT",
    );
    expect((await request.get("/api/me?mode=session", { headers: { cookie: cookieHeader({ [COOKIE.session]: seal }) } })).status()).toBe(200);
  });
});
