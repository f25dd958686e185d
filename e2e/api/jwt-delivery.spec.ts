import { expect, test } from "@playwright/test";
import { COOKIE, cookieHeader, cookieValue, DEMO, expectError, setCookies } from "../fixtures/api";

/**
 * Where the access token goes: by default in the body and an HttpOnly cookie; `?cookies=refresh-only`
 * keeps it out of cookies (the client holds it and sends a Bearer header) while the refresh token
 * stays an HttpOnly cookie; `?cookies=none` is for API clients that want no cookies at all.
 */
test.describe("JWT token delivery", () => {
  const credentials = { email: DEMO.alice.email, password: DEMO.alice.password };

  test("refresh-only: the token in the body, the refresh cookie set, any access cookie cleared", async ({ request }) => {
    const login = await request.post("/api/auth/jwt/login?cookies=refresh-only", { data: credentials });
    expect(login.status()).toBe(200);
    const body = (await login.json()) as { accessToken: string };
    expect(body.accessToken.split(".")).toHaveLength(3);
    const cookies = setCookies(login);
    expect(cookies.find((c) => c.name === COOKIE.access)?.attributes["max-age"]).toBe("0");
    expect(cookies.find((c) => c.name === COOKIE.refresh)?.value).not.toBe("");

    const me = await request.get("/api/me?mode=jwt", { headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.status()).toBe(200);

    const refresh = await request.post("/api/auth/jwt/refresh?cookies=refresh-only", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: cookieValue(login, COOKIE.refresh) }) } });
    expect(refresh.status()).toBe(200);
    expect(((await refresh.json()) as { accessToken: string }).accessToken).not.toBe(body.accessToken);
    const rotated = setCookies(refresh);
    expect(rotated.find((c) => c.name === COOKIE.access)?.attributes["max-age"]).toBe("0");
    expect(rotated.find((c) => c.name === COOKIE.refresh)?.value).not.toBe("");
  });

  test("none: a token and no cookies at all", async ({ request }) => {
    const login = await request.post("/api/auth/jwt/login?cookies=none", { data: credentials });
    expect(login.status()).toBe(200);
    expect(setCookies(login)).toEqual([]);
    expect(((await login.json()) as { accessToken: string }).accessToken.split(".")).toHaveLength(3);
  });

  test("an unknown delivery is a 400 before any password is checked", async ({ request }) => {
    await expectError(await request.post("/api/auth/jwt/login?cookies=everywhere", { data: credentials }), 400, "VALIDATION_FAILED");
    await expectError(await request.post("/api/auth/jwt/refresh?cookies=everywhere"), 400, "VALIDATION_FAILED");
  });
});
