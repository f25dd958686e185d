import { expect, test } from "./fixtures/test";
import { type Page } from "@playwright/test";
import { COOKIE, withSettings } from "./fixtures/api";
import { readmeScreenshot } from "./fixtures/screenshots";

function tourLog(page: Page) {
  return page.getByRole("log", { name: "What the server answered" });
}

async function doIt(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Do it:/ }).click();
  await expect(page.getByRole("heading", { name: "What the server answered" })).toBeVisible({ timeout: 30_000 });
}

/**
 * The guided tour teaches the lesson in order — stateless HTTP, sessions, JWT, logout, refresh, the
 * denylist, which to choose — and each "do it" makes the lab's panes really act.
 */
test.describe("Guided tour", () => {
  test("steps live in the URL and move with buttons or arrow keys", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto("/tour");
    await readmeScreenshot(page, "tour-1280x720");
    await expect(page.getByRole("heading", { level: 1, name: "HTTP is stateless" })).toBeVisible();
    await expect(page.getByText("Guided tour · step 1 of 7")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Tour steps" }).getByRole("link", { name: "1. HTTP is stateless" })).toHaveAttribute("aria-current", "step");

    await page.getByRole("link", { name: "Next step →" }).click();
    await expect(page).toHaveURL(/\/tour\?step=2$/);
    const step2 = page.getByRole("heading", { level: 1, name: "Sessions: the server remembers" });
    await expect(step2).toBeVisible();
    // Focus follows the step, so a keyboard user lands on the new narration.
    await expect(step2).toBeFocused();

    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(/\/tour\?step=3$/);
    await expect(page.getByRole("heading", { level: 1, name: "JWT: the token carries the proof" })).toBeVisible();
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(/\/tour\?step=2$/);

    await page.goto("/tour?step=7");
    await expect(page.getByRole("heading", { level: 1, name: "Which to choose" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Sessions and JWT compared" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Next step →" })).toHaveCount(0);
    await page.getByRole("link", { name: "Knowledge check →", exact: true }).click();
    await expect(page).toHaveURL(/\/tour\/quiz$/);

    // A step that does not exist starts the tour from the beginning.
    await page.goto("/tour?step=99");
    await expect(page.getByRole("heading", { level: 1, name: "HTTP is stateless" })).toBeVisible();
  });

  test("presenter mode: large type, kept in the URL across steps and reloads", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto("/tour?step=2");
    const title = page.getByRole("heading", { level: 1, name: "Sessions: the server remembers" });
    const normalSize = await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const toggle = page.getByRole("button", { name: "Presenter mode" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");

    await toggle.click();
    await expect(page).toHaveURL(/\/tour\?step=2&presenter=1$/);
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect.poll(() => title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(normalSize * 1.5);
    // The whole page scales up for the projector, the lab's panes included.
    await expect.poll(() => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBe(18);
    await readmeScreenshot(page, "tour-presenter");

    await page.getByRole("link", { name: "Next step →" }).click();
    await expect(page).toHaveURL(/\/tour\?step=3&presenter=1$/);
    await page.reload();
    await expect(page.getByRole("button", { name: "Presenter mode" })).toHaveAttribute("aria-pressed", "true");

    await page.getByRole("button", { name: "Presenter mode" }).click();
    await expect(page).toHaveURL(/\/tour\?step=3$/);
    await expect.poll(() => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBe(16);
  });

  test("step 1, stateless HTTP: with no credential, both panes get 401", async ({ page }) => {
    await page.goto("/tour?step=1");
    await doIt(page);
    await expect(tourLog(page)).toContainText("Session pane · Call the protected API → 401 UNAUTHENTICATED");
    await expect(tourLog(page)).toContainText("JWT pane · Call the protected API → 401 UNAUTHENTICATED");
    await page.setViewportSize({ width: 390, height: 844 });
    await readmeScreenshot(page, "tour-narrow");
  });

  test("steps 2 and 3: a session is looked up in the store; a JWT is only verified", async ({ page, context }) => {
    await page.goto("/tour?step=2");
    await doIt(page);
    await expect(tourLog(page)).toContainText(/Session pane · Call the protected API → 200 · [1-9]\d* store quer/);
    await expect(tourLog(page)).toContainText(/The server looked the session up: [1-9]\d* store quer/);
    expect((await context.cookies()).map((c) => c.name)).toContain(COOKIE.session);
    // The pane itself did it: it shows who it is signed in as.
    await expect(page.getByTestId("session-email")).toHaveText("alice@example.com");

    await page.getByRole("link", { name: "Next step →" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "JWT: the token carries the proof" })).toBeVisible();
    await doIt(page);
    await expect(tourLog(page)).toContainText("JWT pane · Call the protected API → 200 · 0 store queries");
    await expect(tourLog(page)).toContainText("The server only verified the token: 0 store queries for one request.");
    expect((await context.cookies()).map((c) => c.name)).toEqual(expect.arrayContaining([COOKIE.access, COOKIE.refresh]));
    await expect(page.getByTestId("jwt-email")).toHaveText("alice@example.com");
    // The session pane kept its own login: the two strategies live side by side.
    await expect(page.getByTestId("session-email")).toHaveText("alice@example.com");
  });

  test("step 4, logout: the session copy dies at once, the JWT copy lives until exp, its refresh token does not", async ({ page, context }) => {
    await page.goto("/tour?step=4");
    await doIt(page);
    const log = tourLog(page);
    await expect(log).toContainText("Session copy after logout: 401 SESSION_NOT_FOUND — dead at once");
    await expect(log).toContainText(/JWT access-token copy after logout: 200 — still accepted for \d+ min( \d+ s)? more, until its exp\./);
    await expect(log).toContainText("JWT refresh-token copy after logout: 401 REFRESH_TOKEN_REVOKED");
    // Worded and coloured from the defender's side: a working copy is the attacker's win.
    await expect(log.locator('[data-tone="attacker-blocked"]').filter({ hasText: "Session copy after logout" })).toContainText("Attacker blocked:");
    await expect(log.locator('[data-tone="attacker-in"]').filter({ hasText: "JWT access-token copy after logout" })).toContainText("Attacker got in:");
    await expect(log.locator('[data-tone="attacker-blocked"]').filter({ hasText: "JWT refresh-token copy after logout" })).toBeVisible();
    const names = (await context.cookies()).map((c) => c.name);
    expect(names).not.toContain(COOKIE.session);
    expect(names).not.toContain(COOKIE.access);
    await expect(page.getByTestId("session-state")).toHaveText("Not signed in.");
    await expect(page.getByTestId("jwt-state")).toContainText("Not signed in");
    await page.setViewportSize({ width: 1280, height: 1150 });
    await readmeScreenshot(page, "tour-logout-step");
  });

  test("step 4 also copies a JWT the pane keeps in localStorage (sent as a Bearer header)", async ({ page }) => {
    await withSettings(page.request, { jwtStorage: "localStorage" });
    await page.goto("/tour?step=4");
    await doIt(page);
    const log = tourLog(page);
    await expect(log).toContainText("Copied: session cookie yes, access token yes, refresh token yes.");
    await expect(log).toContainText(/JWT access-token copy after logout: 200 — still accepted for/);
    // Logout made the pane forget the token it kept.
    expect(await page.evaluate(() => Object.keys(window.localStorage))).not.toContain("authlab.accessToken");
  });

  test("step 5, refresh: past the access lifetime the JWT gets 401, a refresh brings it back; the header shows the clock", async ({ page }) => {
    const { settings } = (await (await page.request.get("/api/settings")).json()) as { settings: { accessTtlSeconds: number } };
    await page.goto("/tour?step=5");
    await doIt(page);
    const log = tourLog(page);
    await expect(log).toContainText("JWT pane · Call the protected API → 401 TOKEN_EXPIRED");
    await expect(log).toContainText(/Session pane · Call the protected API → 200/);
    await expect(log).toContainText("JWT pane · Refresh the access token → 200");
    await expect(log.getByRole("listitem").last()).toContainText("JWT pane · Call the protected API → 200");
    const offset = ((await (await page.request.get("/api/demo/clock")).json()) as { offsetMs: number }).offsetMs;
    expect(offset).toBe((settings.accessTtlSeconds + 60) * 1000);
    await expect(page.getByRole("banner").getByRole("button", { name: /^Demo clock \+\d+ min ahead$/ })).toBeVisible();
    await expect(page.getByTestId("jwt-last")).toHaveText("Last: Call the protected API: 200");
  });

  test("step 6, the denylist: the copy dies at logout, at the price of a store lookup per request", async ({ page }) => {
    await page.goto("/tour?step=6");
    await expect(page.getByTestId("tour-denylist-state")).toHaveText("Denylist on the server now: off");
    await doIt(page);
    const log = tourLog(page);
    await expect(log).toContainText("JWT pane · Call the protected API → 200 · 1 store query");
    await expect(log).toContainText("JWT access-token copy after logout: 401 TOKEN_REVOKED — refused at once.");
    await expect(page.getByTestId("tour-denylist-state")).toHaveText("Denylist on the server now: on");

    await page.getByRole("button", { name: "Turn the denylist off" }).click();
    await expect(page.getByTestId("tour-denylist-state")).toHaveText("Denylist on the server now: off");
    const { settings } = (await (await page.request.get("/api/settings")).json()) as { settings: { denylistEnabled: boolean } };
    expect(settings.denylistEnabled).toBe(false);
  });

  test("what a step changed is put back when the step is left: the denylist goes off again, and the header stops showing it", async ({ page }) => {
    const request = page.request;
    await page.goto("/tour?step=6");
    await doIt(page);
    await expect(tourLog(page)).toContainText("refused at once.");
    const inForce = page.getByRole("banner").getByRole("list", { name: "Settings not at their defaults" });
    await expect(inForce).toContainText("Denylist on");

    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("heading", { level: 1, name: "Which to choose" })).toBeVisible();
    await expect(page.getByTestId("tour-cleaned-up")).toHaveText("The tour put back what the last step changed: the denylist is off again.");
    expect(((await (await request.get("/api/settings")).json()) as { settings: { denylistEnabled: boolean } }).settings.denylistEnabled).toBe(false);
    await expect(inForce).toHaveCount(0);
  });

  test("leaving the tour puts the demo clock back, whether by a link in the app or by closing the page", async ({ page }) => {
    // The browser's own lab, also after the page is closed.
    const request = page.request;
    const offset = async () => ((await (await request.get("/api/demo/clock")).json()) as { offsetMs: number }).offsetMs;
    await page.goto("/tour?step=5");
    await doIt(page);
    expect(await offset()).toBeGreaterThan(0);
    await page.getByRole("banner").getByRole("link", { name: "Scenarios" }).click();
    await expect(page).toHaveURL(/\/scenarios$/);
    await expect.poll(offset).toBe(0);

    await page.goto("/tour?step=5");
    await doIt(page);
    expect(await offset()).toBeGreaterThan(0);
    // No time for a round trip as a page goes away: the tour sends the reset with keepalive.
    await page.close({ runBeforeUnload: true });
    await expect.poll(offset).toBe(0);
  });

  test("the lab resets from the tour, with a confirmation", async ({ page, context }) => {
    await page.goto("/tour?step=2");
    await doIt(page);
    expect((await context.cookies()).map((c) => c.name)).toContain(COOKIE.session);
    await page.getByRole("button", { name: "Reset this lab…" }).click();
    await page.getByRole("dialog", { name: "Reset this lab?" }).getByRole("button", { name: "Yes, reset everything" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The demo was reset" })).toBeVisible();
    expect((await context.cookies()).map((c) => c.name)).not.toContain(COOKIE.session);
    await expect(tourLog(page)).toHaveCount(0);
  });
});
