import { expect, test } from "./fixtures/test";
import { DEMO, uniqueEmail } from "./fixtures/api";
import { DashboardPage, LoginPage } from "./fixtures/pages";

test.describe("Signing in: register, log in with each strategy, see what guarded the page", () => {
  test("a new learner registers, logs in with a session, and the dashboard shows the trace", async ({ page }) => {
    const email = uniqueEmail("ui");
    await page.goto("/register");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-good-long-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("status")).toContainText(`Account created for ${email}`);

    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(email, "a-good-long-password", "session");
    await new DashboardPage(page).expectSignedIn(email, "user", "session");

    // The trace is the server's own record of the request that rendered the page.
    const trace = page.getByRole("region", { name: /How the server authenticated/ });
    await expect(trace.locator("[data-step=unseal]")).toBeVisible();
    await expect(trace.locator("[data-step=session-lookup]")).toContainText("1 store");
    await expect(trace.getByText("Verdict: authenticated")).toBeVisible();
  });

  test("a JWT login guards the dashboard with a signature check and no store lookup", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(DEMO.admin.email, DEMO.admin.password, "jwt");
    await new DashboardPage(page).expectSignedIn(DEMO.admin.email, "admin", "jwt");
    const trace = page.getByRole("region", { name: /How the server authenticated/ });
    await expect(trace.locator("[data-step=jwt-verify]")).toBeVisible();
    await expect(trace.getByTestId("trace-store-queries")).toHaveText("0");
  });

  test("the dashboard is closed to strangers: the proxy sends them to log in and back", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard/);
    await new LoginPage(page).logIn(DEMO.alice.email, DEMO.alice.password, "session");
    await new DashboardPage(page).expectSignedIn(DEMO.alice.email, "user", "session");
  });

  test("switching mode logs nothing out: both credentials coexist, the mode picks the guard", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(DEMO.alice.email, DEMO.alice.password, "session");
    await new DashboardPage(page).expectSignedIn(DEMO.alice.email, "user", "session");
    await login.goto();
    await login.logIn(DEMO.admin.email, DEMO.admin.password, "jwt");
    await new DashboardPage(page).expectSignedIn(DEMO.admin.email, "admin", "jwt");

    await page.getByRole("button", { name: "Session mode" }).click();
    await expect(page.getByTestId("dashboard-email")).toHaveText(DEMO.alice.email);
    await page.getByRole("button", { name: "JWT mode" }).click();
    await expect(page.getByTestId("dashboard-email")).toHaveText(DEMO.admin.email);

    const names = (await page.context().cookies()).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["__Host-session", "__Host-access", "__Secure-refresh", "mode"]));
  });

  test("a wrong password shows the generic error and sets no cookie", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(DEMO.alice.email, "definitely-wrong", "session");
    await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toContainText("INVALID_CREDENTIALS");
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("__Host-session");
  });
});
