import { expect, test } from "./fixtures/test";
import { type Page } from "@playwright/test";
import { COOKIE, DEMO, expectError, register } from "./fixtures/api";
import { readmeScreenshot } from "./fixtures/screenshots";

interface SettingsBody {
  settings: { accessTtlSeconds: number; refreshGraceSeconds: number; denylistEnabled: boolean; jwtStorage: string };
}

async function serverSettings(page: Page): Promise<SettingsBody["settings"]> {
  return ((await (await page.request.get("/api/settings")).json()) as SettingsBody).settings;
}

async function clockOffsetMs(page: Page): Promise<number> {
  return ((await (await page.request.get("/api/demo/clock")).json()) as { offsetMs: number }).offsetMs;
}

/**
 * What an instructor runs in front of a class: the demo clock (shown in the header whenever it is not
 * real time), the runtime settings (admin only, applied at once), and a one-click reset of everything.
 */
test.describe("Instructor tools", () => {
  test("a learner can read the settings but not change them, is told why, and is offered an admin sign-in", async ({ page }) => {
    expect((await page.request.post("/api/auth/session/login", { data: DEMO.alice })).status()).toBe(200);
    await page.goto("/instructor");
    await expect(page.getByRole("heading", { name: "Instructor tools" })).toBeVisible();
    await expect(page.getByText("Only an admin can change these settings; you can read them below.")).toBeVisible();
    await expect(page.getByText(/signed in as alice@example\.com \(user, session\)/)).toBeVisible();

    const { accessTtlSeconds } = await serverSettings(page);
    const access = page.getByLabel("Access token lifetime (seconds)");
    await expect(access).toHaveValue(String(accessTtlSeconds));
    await expect(access).toBeDisabled();
    await expect(page.getByRole("button", { name: "Apply changes" })).toBeDisabled();
    await expect(page.getByRole("button", { name: /Sign in as the demo admin/ })).toBeEnabled();
    await readmeScreenshot(page, "instructor-learner", { fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await readmeScreenshot(page, "instructor-narrow");
  });

  test("a non-admin account typed into the admin sign-in is refused, and the settings stay read-only", async ({ page }) => {
    const learner = await register(page.request);
    await page.goto("/instructor");
    await page.getByLabel("Admin email").fill(learner.email);
    await page.getByLabel("Admin password").fill(learner.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(`${learner.email} is not an admin (role: user), so the settings stay read-only.`);
    await expect(page.getByLabel("Access token lifetime (seconds)")).toBeDisabled();
  });

  test("the demo admin changes lifetimes, the denylist and the JWT pane's storage; the server applies them at once", async ({ page, context }) => {
    await page.goto("/instructor");
    await page.getByRole("button", { name: "Sign in as the demo admin (admin@example.com)" }).click();
    await expect(page.getByText(/Changing settings as admin@example\.com, with an admin access token kept in this page's memory only/)).toBeVisible();
    // The admin token lives in page memory: no cookie was set, so the lab panes keep their own credentials.
    const names = (await context.cookies()).map((c) => c.name);
    expect(names).not.toContain(COOKIE.session);
    expect(names).not.toContain(COOKIE.access);

    const before = await serverSettings(page);
    await page.getByLabel("Access token lifetime (seconds)").fill("60");
    await page.getByRole("checkbox", { name: "Check every access token against the denylist" }).check();
    await page.getByRole("radio", { name: /^localStorage/ }).check();
    await page.getByRole("button", { name: "Apply changes" }).click();

    await expect(page.getByRole("status").filter({ hasText: "Applied at" })).toContainText(
      `Access token lifetime 1 min (was ${before.accessTtlSeconds / 60} min); denylist on; JWT pane storage: localStorage.`,
    );
    await expect(page.getByTestId("current-accessTtlSeconds")).toHaveText("On the server now: 1 min (60 s)");
    await expect(page.getByTestId("current-denylistEnabled")).toHaveText("on");
    await expect(page.getByTestId("current-jwtStorage")).toHaveText("localStorage");
    expect(await serverSettings(page)).toMatchObject({ accessTtlSeconds: 60, denylistEnabled: true, jwtStorage: "localStorage" });

    // At once: the very next login gets a one-minute token.
    const login = await page.request.post("/api/auth/jwt/login?cookies=none", { data: DEMO.alice });
    expect(((await login.json()) as { expiresIn: number }).expiresIn).toBe(60);
    await readmeScreenshot(page, "instructor-admin", { fullPage: true });
  });

  test("values outside the server's bounds are refused in the form, and nothing is sent", async ({ page }) => {
    await page.goto("/instructor");
    await page.getByRole("button", { name: /Sign in as the demo admin/ }).click();
    const field = page.getByLabel("Access token lifetime (seconds)");
    await expect(field).toBeEnabled();
    const { accessTtlSeconds } = await serverSettings(page);
    await field.fill("2");
    await page.getByRole("button", { name: "Apply changes" }).click();
    await expect(page.getByText("⚠ Enter whole seconds from 5 to 86400.")).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("status").filter({ hasText: "Nothing applied" })).toBeVisible();
    expect((await serverSettings(page)).accessTtlSeconds).toBe(accessTtlSeconds);
  });

  test("an admin token the demo clock has expired is refused, and the page asks for a fresh sign-in", async ({ page }) => {
    await page.goto("/instructor");
    await page.getByRole("button", { name: /Sign in as the demo admin/ }).click();
    await expect(page.getByLabel("Access token lifetime (seconds)")).toBeEnabled();
    // Two hours on the demo clock: past the lifetime of the admin's own access token.
    const clock = page.getByRole("main").getByRole("group", { name: "Demo clock" });
    await clock.getByRole("button", { name: "+1 h" }).click();
    await expect(page.getByTestId("demo-clock-state")).toContainText("+1 h ahead");
    await clock.getByRole("button", { name: "+1 h" }).click();
    await expect(page.getByTestId("demo-clock-state")).toContainText("+2 h ahead");

    await page.getByLabel("Refresh grace window (seconds)").fill("30");
    await page.getByRole("button", { name: "Apply changes" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("(TOKEN_EXPIRED). Sign in as an admin again.");
    await expect(page.getByLabel("Refresh grace window (seconds)")).toBeDisabled();
    expect((await serverSettings(page)).refreshGraceSeconds).not.toBe(30);

    // A fresh token is issued on the moved clock, so it works.
    await page.getByRole("button", { name: /Sign in as the demo admin/ }).click();
    await page.getByLabel("Refresh grace window (seconds)").fill("30");
    await page.getByRole("button", { name: "Apply changes" }).click();
    await expect(page.getByTestId("current-refreshGraceSeconds")).toHaveText("On the server now: 30 s (30 s)");
  });

  test("an admin already signed in with a session cookie changes settings with that credential", async ({ page }) => {
    expect((await page.request.post("/api/auth/session/login", { data: DEMO.admin })).status()).toBe(200);
    await page.goto("/instructor");
    await expect(page.getByText(/Changing settings as admin@example\.com, signed in with a session cookie in this browser/)).toBeVisible();
    await page.getByLabel("Refresh grace window (seconds)").fill("20");
    await page.getByRole("button", { name: "Apply changes" }).click();
    await expect(page.getByTestId("current-refreshGraceSeconds")).toHaveText("On the server now: 20 s (20 s)");
    expect((await serverSettings(page)).refreshGraceSeconds).toBe(20);
  });

  test("the demo clock: moved from the page or the header, shown in the header only while it is not real time", async ({ page }) => {
    await page.goto("/instructor");
    const header = page.getByRole("banner");
    const badge = header.getByRole("button", { name: /Demo clock/ });
    await expect(page.getByTestId("demo-clock-state")).toHaveText("Auth clock: real time");
    await expect(badge).toHaveCount(0);

    await page.getByRole("main").getByRole("group", { name: "Demo clock" }).getByRole("button", { name: "+15 min" }).click();
    await expect(badge).toHaveText(/Demo clock \+15 min ahead/);
    await expect(page.getByTestId("demo-clock-state")).toContainText("Auth clock: +15 min ahead");
    expect(await clockOffsetMs(page)).toBe(15 * 60_000);

    // The header's popover has the same controls, keyboard first.
    await badge.focus();
    await page.keyboard.press("Enter");
    await expect(badge).toHaveAttribute("aria-expanded", "true");
    const popover = header.getByRole("region", { name: "Demo clock controls" });
    await popover.getByRole("button", { name: "+1 h" }).click();
    await expect(badge).toHaveText(/Demo clock \+1 h 15 min ahead/);
    // Every view follows the change, not just the one that made it.
    await expect(page.getByTestId("demo-clock-state").first()).toContainText("+1 h 15 min ahead");
    expect(await clockOffsetMs(page)).toBe(75 * 60_000);
    await readmeScreenshot(page, "instructor-clock-popover");
    await page.keyboard.press("Escape");
    await expect(popover).toHaveCount(0);

    // Any page shows it while the clock is ahead.
    await page.goto("/login");
    await expect(page.getByRole("banner").getByRole("button", { name: /Demo clock \+1 h 15 min ahead/ })).toBeVisible();

    await page.goto("/instructor");
    await page.getByRole("main").getByRole("button", { name: "Back to real time" }).click();
    await expect(page.getByTestId("demo-clock-state")).toHaveText("Auth clock: real time");
    await expect(badge).toHaveCount(0);
    expect(await clockOffsetMs(page)).toBe(0);
  });

  test("one click (and a confirmation) resets this lab: users back to seed, sessions, tokens, settings and clock cleared", async ({ page, context }) => {
    const learner = await register(page.request);
    expect((await page.request.post("/api/auth/session/login", { data: { email: learner.email, password: learner.password } })).status()).toBe(200);
    expect((await page.request.post("/api/auth/jwt/login", { data: DEMO.alice })).status()).toBe(200);
    expect((await page.request.post("/api/demo/clock", { data: { advanceSeconds: 600 } })).status()).toBe(200);
    await page.goto("/instructor");

    // Cancel changes nothing.
    await page.getByRole("button", { name: "Reset this lab…" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset this lab?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect((await context.cookies()).map((c) => c.name)).toEqual(expect.arrayContaining([COOKIE.session, COOKIE.access, COOKIE.refresh]));
    expect(await clockOffsetMs(page)).toBe(600_000);

    await page.getByRole("button", { name: "Reset this lab…" }).click();
    await dialog.getByRole("button", { name: "Yes, reset everything" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The demo was reset" })).toContainText(/Users now: .*alice@example\.com/);
    await expect(page.getByRole("status").filter({ hasText: "The demo was reset" })).toContainText("admin@example.com");

    // This browser's cookies are cleared in the same answer; the server forgot everything else.
    const names = (await context.cookies()).map((c) => c.name);
    for (const name of [COOKIE.session, COOKIE.access, COOKIE.refresh]) expect(names).not.toContain(name);
    await expectError(await page.request.post("/api/auth/session/login", { data: { email: learner.email, password: learner.password } }), 401, "INVALID_CREDENTIALS");
    expect((await page.request.post("/api/auth/session/login", { data: DEMO.alice })).status()).toBe(200);
    expect(await clockOffsetMs(page)).toBe(0);
    await expect(page.getByRole("banner").getByRole("button", { name: /Demo clock/ })).toHaveCount(0);
  });
});
