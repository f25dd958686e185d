import { expect, test } from "./fixtures/test";
import { DEMO, withSettings } from "./fixtures/api";
import { LabPage } from "./fixtures/lab";
import { DashboardPage, LoginPage } from "./fixtures/pages";

/**
 * The header, on every page, tells the truth about the browser and the server: who is signed in
 * (with the way to the dashboard, not an invitation to log in again), and every setting in force
 * that is not the default, as it shows the demo clock.
 */
test.describe("The header", () => {
  test("signed out it offers Log in and Register; signed in it names who, with a link to the dashboard", async ({ page }) => {
    await page.goto("/scenarios");
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Log in" })).toBeVisible();
    await expect(header.getByRole("link", { name: "Register" })).toBeVisible();

    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(DEMO.alice.email, DEMO.alice.password, "session");
    await new DashboardPage(page).expectSignedIn(DEMO.alice.email, "user", "session");
    // Rendered by the server from the request's own credential.
    await expect(header.getByTestId("header-identity")).toHaveText(`Signed in: ${DEMO.alice.email} (session)`);
    await expect(header.getByTestId("header-identity")).toHaveAttribute("href", "/dashboard");
    await expect(header.getByRole("link", { name: "Log in" })).toHaveCount(0);
    await expect(header.getByRole("link", { name: "Register" })).toHaveCount(0);
  });

  test("the lab's panes keep it current without a page load", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Log in" })).toBeVisible();
    await lab.logInAsAlice("jwt");
    await expect(header.getByTestId("header-identity")).toHaveText(`Signed in: ${DEMO.alice.email} (JWT)`);
    await lab.press("jwt", "Log out");
    await expect(lab.last("jwt")).toHaveText("Last: Log out: 204");
    await expect(header.getByRole("link", { name: "Log in" })).toBeVisible();
  });

  test("every setting not at its default is shown, on every page, until it is put back", async ({ page }) => {
    const request = page.request;
    await page.goto("/login");
    const inForce = page.getByRole("banner").getByRole("list", { name: "Settings not at their defaults" });
    await expect(inForce).toHaveCount(0);
    const restore = await withSettings(request, { denylistEnabled: true, accessTtlSeconds: 60 });
    try {
      await page.goto("/glossary");
      await expect(inForce.getByRole("link")).toHaveText(["Denylist on (default off)", "Access token 1 min (default 15 min)"]);
      await expect(inForce.getByRole("link", { name: /^Denylist on/ })).toHaveAttribute("href", "/instructor");
    } finally {
      await restore();
    }
    await page.goto("/glossary");
    await expect(inForce).toHaveCount(0);
  });
});
