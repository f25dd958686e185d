import { expect, test } from "./fixtures/test";
import { advanceClock, DEMO, resetClock } from "./fixtures/api";
import { DashboardPage, LoginPage } from "./fixtures/pages";

/**
 * The refresh cookie is scoped to /api/auth/jwt, so a page request never carries it. When the
 * access token expires, the proxy hands the browser to /auth/refresh, which POSTs to the refresh
 * endpoint and comes back with a rotated pair.
 */
test.describe("JWT refresh on navigation", () => {
  test.afterEach(async ({ page }) => {
    await resetClock(page.request);
  });

  test("an expired access token is refreshed on the way to the dashboard, and the refresh token rotates", async ({ page, context }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(DEMO.alice.email, DEMO.alice.password, "jwt");
    await new DashboardPage(page).expectSignedIn(DEMO.alice.email, "user", "jwt");
    const before = (await context.cookies()).find((c) => c.name === "__Secure-refresh")!.value;

    await advanceClock(page.request, 16 * 60);
    await page.goto("/dashboard");
    await new DashboardPage(page).expectSignedIn(DEMO.alice.email, "user", "jwt");
    const after = (await context.cookies()).find((c) => c.name === "__Secure-refresh")!.value;
    expect(after).not.toBe(before);
  });

  test("with no live refresh token the bounce ends on the login page, saying why", async ({ page }) => {
    const res = await page.request.put("/api/mode", { data: { mode: "jwt" } });
    expect(res.status()).toBe(200);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard&reason=REFRESH_TOKEN_MISSING/);
    await expect(page.getByRole("status").filter({ hasText: "No refresh token was sent" })).toBeVisible();
  });
});
