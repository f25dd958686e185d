// Lesson: a store outage as a class sees it. The instructor takes this lab's stores down from
// /instructor; the header says so on every page; the Session pane's call answers 503 and the pane
// stays signed in (its cookie is untouched); the JWT pane's call answers 200 (no store needed); the
// dashboard says it is unavailable for a moment and that you are still signed in. Brought back,
// the same cookie works — nobody was logged out. The HTTP contract: e2e/api/store-fault.spec.ts.
import { type Page } from "@playwright/test";
import { COOKIE, OPERATOR_TOKEN } from "./fixtures/api";
import { LabPage } from "./fixtures/lab";
import { DashboardPage, LoginPage } from "./fixtures/pages";
import { readmeScreenshot } from "./fixtures/screenshots";
import { horizontalOverflow } from "./fixtures/viewport";
import { expect, test } from "./fixtures/test";

async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto("/instructor");
  await page.getByRole("button", { name: "Sign in as the demo admin (admin@example.com)" }).click();
  await expect(page.getByText(/Changing settings as admin@example\.com/)).toBeVisible();
}

test.describe("The outage switch, as a class sees it", () => {
  test("on: a red badge in the header, the session pane gets 503 and stays signed in, the JWT pane 200, the dashboard says you are still signed in; off: the same cookie works", async ({ page, context }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("session");
    await lab.logInAsAlice("jwt");
    const sealBefore = (await context.cookies()).find((c) => c.name === COOKIE.session)?.value;
    expect(sealBefore).toBeTruthy();

    await signInAsAdmin(page);
    const outage = page.getByRole("region", { name: "A store outage" });
    await expect(outage.getByTestId("store-fault-state")).toHaveText("Off: every store answers.");
    await outage.getByRole("button", { name: "Take this lab's stores down" }).click();
    await expect(outage.getByTestId("store-fault-state")).toHaveText(/^Outage on: this lab's database session store and database denylist refuse every request\.$/);
    const badge = page.getByTestId("header-status").getByRole("link", { name: /Store outage on/ });
    await expect(badge).toBeVisible();
    await outage.scrollIntoViewIfNeeded();
    await readmeScreenshot(page, "instructor-store-outage");
    // On a phone: the badge and the panel fit, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(badge).toBeVisible();
    await outage.scrollIntoViewIfNeeded();
    expect(await horizontalOverflow(page)).toBe(0);
    await readmeScreenshot(page, "instructor-store-outage-narrow");
    await page.setViewportSize({ width: 1280, height: 720 });

    // The dashboard in session mode: the store cannot be asked, the page says so, the cookie stays.
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "The dashboard is unavailable for a moment" })).toBeVisible();
    await expect(page.getByText("You are still signed in.")).toBeVisible();
    await expect(badge).toBeVisible();
    expect((await context.cookies()).find((c) => c.name === COOKIE.session)?.value).toBe(sealBefore);
    await readmeScreenshot(page, "dashboard-store-outage");

    await lab.goto();
    await lab.press("session", "Call the protected API");
    await expect(lab.last("session")).toHaveText("Last: Call the protected API: 503 STORE_UNAVAILABLE");
    // The request flow draws the server's own trace: the lookup was refused.
    await expect(lab.latest("session")).toContainText("The database store refused the connection (ECONNREFUSED)");
    // The pane cannot ask the store who it is, and says so: still signed in, nothing cleared.
    await expect(lab.session.getByTestId("session-store-unavailable")).toContainText("Still signed in");
    await expect(lab.jwt.getByTestId("jwt-email")).toHaveText("alice@example.com");
    await lab.press("jwt", "Call the protected API");
    await expect(lab.last("jwt")).toHaveText("Last: Call the protected API: 200");
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(badge).toBeVisible();
    await lab.latest("session").scrollIntoViewIfNeeded();
    expect(await horizontalOverflow(page)).toBe(0);
    await readmeScreenshot(page, "lab-store-outage-narrow");
    await page.setViewportSize({ width: 1280, height: 720 });

    await signInAsAdmin(page);
    await outage.getByRole("button", { name: "Bring this lab's stores back" }).click();
    await expect(outage.getByTestId("store-fault-state")).toHaveText("Off: every store answers.");
    await expect(badge).toBeHidden();
    await page.goto("/dashboard");
    await new DashboardPage(page).expectSignedIn("alice@example.com", "user", "session");
    expect((await context.cookies()).find((c) => c.name === COOKIE.session)?.value).toBe(sealBefore);
  });

  test("an admin signed in with a session only can bring the stores back from the page, though the outage refuses that session everywhere else", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto("/instructor");
    await login.logIn("admin@example.com", "admin-demo-pass", "session");
    await expect(page).toHaveURL(/\/instructor$/);
    const outage = page.getByRole("region", { name: "A store outage" });
    await outage.getByRole("button", { name: "Take this lab's stores down" }).click();
    await expect(outage.getByTestId("store-fault-state")).toHaveText(/^Outage on:/);
    // Reloaded during the outage, the page cannot check the session — and still offers the switch.
    await page.reload();
    await expect(page.getByTestId("instructor-unchecked")).toContainText("could not be checked");
    await outage.getByRole("button", { name: "Bring this lab's stores back" }).click();
    await expect(outage.getByTestId("store-fault-state")).toHaveText("Off: every store answers.");
    await page.goto("/dashboard");
    await new DashboardPage(page).expectSignedIn("admin@example.com", "admin", "session");
  });

  test("restart the memory store: the Session pane's memory session answers 401, as after a real restart", async ({ page }) => {
    const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };
    const before = ((await (await page.request.get("/api/operator/settings")).json()) as { settings: { sessionStore: string } }).settings.sessionStore;
    expect((await page.request.patch("/api/operator/settings", { data: { sessionStore: "memory" }, headers: operator })).status()).toBe(200);
    try {
      const lab = new LabPage(page);
      await lab.goto();
      await lab.logInAsAlice("session");
      await lab.press("session", "Call the protected API");
      await expect(lab.last("session")).toHaveText("Last: Call the protected API: 200");

      await signInAsAdmin(page);
      const panel = page.getByRole("region", { name: "Restart the memory store" });
      await expect(panel.getByTestId("memory-restart-active")).toContainText("Sessions on this server go to the memory store right now");
      await panel.getByRole("button", { name: "Restart the memory store" }).click();
      await expect(panel.getByRole("status")).toContainText("This process forgot 1 session of this lab held in memory (database: 0 sessions kept).");
      await panel.scrollIntoViewIfNeeded();
      await readmeScreenshot(page, "instructor-memory-restart");

      await lab.goto();
      await lab.press("session", "Call the protected API");
      await expect(lab.last("session")).toHaveText("Last: Call the protected API: 401 SESSION_NOT_FOUND");
    } finally {
      expect((await page.request.patch("/api/operator/settings", { data: { sessionStore: before }, headers: operator })).status()).toBe(200);
    }
  });
});
