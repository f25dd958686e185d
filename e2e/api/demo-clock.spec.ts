import { expect, test } from "@playwright/test";
import { advanceClock, expectError, jwtLogin, register, resetClock } from "../fixtures/api";

interface ClockView {
  enabled: boolean;
  offsetMs: number;
  now: string;
  realNow: string;
}

/**
 * The demo clock moves the *auth* clock only: token and session expiry. Rate limits and password
 * hashing run on real time, so fast-forwarding the demo can never shorten a lockout.
 */
test.describe("Demo clock: moves expiry, never weakens rate limits", () => {
  test.afterEach(async ({ request }) => {
    await resetClock(request);
  });

  test("the clock reports its offset, advances by whole seconds and resets to real time", async ({ request }) => {
    await resetClock(request);
    const start = (await (await request.get("/api/demo/clock")).json()) as ClockView;
    expect(start).toMatchObject({ enabled: true, offsetMs: 0 });

    await advanceClock(request, 60);
    await advanceClock(request, 3600);
    const moved = (await (await request.get("/api/demo/clock")).json()) as ClockView;
    expect(moved.offsetMs).toBe(3_660_000);
    // The auth clock's `now` is the real `now` plus the offset (give or take the time between the two reads).
    expect(Math.abs(Date.parse(moved.now) - Date.parse(moved.realNow) - 3_660_000)).toBeLessThan(1000);

    const reset = await request.post("/api/demo/clock", { data: { reset: true } });
    expect(((await reset.json()) as ClockView).offsetMs).toBe(0);
  });

  test("a bad clock request is a 400, not a 500", async ({ request }) => {
    await expectError(await request.post("/api/demo/clock", { data: { advanceSeconds: -60 } }), 400, "VALIDATION_FAILED");
    await expectError(await request.post("/api/demo/clock", { data: { advanceSeconds: 1.5 } }), 400, "VALIDATION_FAILED");
    await expectError(await request.post("/api/demo/clock", { data: { reset: false } }), 400, "VALIDATION_FAILED");
  });

  test("an hour of demo clock does not lift a login rate limit (the limiter runs on real time)", async ({ request }) => {
    const victim = await register(request);
    let limited = false;
    for (let i = 0; i < 12 && !limited; i++) {
      const res = await request.post("/api/auth/session/login", { data: { email: victim.email, password: `wrong-guess-${i}` } });
      limited = res.status() === 429;
      if (!limited) expect(res.status()).toBe(401);
    }
    expect(limited, "the account limiter should trip within 12 failures").toBe(true);

    // Far past the limiter's window (900 s) on the demo clock: a limiter that read the auth clock would let this through.
    await advanceClock(request, 3600);
    const still = await request.post("/api/auth/session/login", { data: { email: victim.email, password: victim.password } });
    await expectError(still, 429, "RATE_LIMITED");
    const retryAfter = Number(still.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
  });

  test("the clock does move token expiry: an access token is dead once the clock passes its exp", async ({ request }) => {
    const { accessToken } = await jwtLogin(request, await register(request));
    const before = await request.get("/api/me", { headers: { authorization: `Bearer ${accessToken}` } });
    expect(before.status()).toBe(200);
    const { settings } = (await (await request.get("/api/settings")).json()) as { settings: { accessTtlSeconds: number } };
    await advanceClock(request, settings.accessTtlSeconds + 60);
    await expectError(await request.get("/api/me", { headers: { authorization: `Bearer ${accessToken}` } }), 401, "TOKEN_EXPIRED");
  });
});
