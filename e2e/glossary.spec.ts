import { expect, test } from "./fixtures/test";
import { DEMO } from "./fixtures/api";
import { LabPage } from "./fixtures/lab";
import { DashboardPage, LoginPage } from "./fixtures/pages";

/**
 * No term goes unexplained: where the lab says "seal", "refresh family" or "proxy matcher", the word
 * opens its one plain sentence in place and links to the glossary, and a library's name appears
 * only beside plain words for what it does.
 */
test.describe("Glossary: every term explained where it appears", () => {
  test("the glossary page defines each term in one sentence, under its own anchor", async ({ page }) => {
    await page.goto("/glossary");
    await expect(page.getByRole("heading", { level: 1, name: "Glossary" })).toBeVisible();
    for (const id of ["seal", "refresh-family", "jwks", "denylist", "matcher", "cached-verification", "httponly", "samesite"]) {
      await expect(page.locator(`[id="${id}"] dt`), id).not.toBeEmpty();
      await expect(page.locator(`[id="${id}"] dd`), id).toHaveText(/\.( In AuthLab: .*\.)?$/);
    }
    await expect(page.locator('[id="seal"] dd')).toContainText("In AuthLab: iron-session.");
  });

  test("a term in the request flow opens its definition in place, with the way to the glossary", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("session");
    await lab.press("session", "Call the protected API");
    await expect(lab.last("session")).toHaveText("Last: Call the protected API: 200");
    const flow = lab.latest("session").getByTestId("request-flow");

    // The server's step names in plain words; the library only in brackets beside them.
    const unseal = flow.locator("[data-step=unseal]");
    await expect(unseal).toContainText("Open the sealed cookie and check that nobody changed it (iron-session)");
    const term = unseal.getByRole("button", { name: "Open the sealed cookie and check that nobody changed it" });
    await expect(term).toHaveAttribute("aria-expanded", "false");
    await term.click();
    await expect(term).toHaveAttribute("aria-expanded", "true");
    const definition = unseal.getByRole("note");
    await expect(definition).toContainText("Unseal: The server decrypting the seal");
    await definition.getByRole("link", { name: "Glossary" }).click();
    await expect(page).toHaveURL(/\/glossary#unseal$/);
    await expect(page.locator('[id="unseal"]')).toBeInViewport();
  });

  test("the proxy lane says in plain words why the proxy did not run", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.press("jwt", "Call the protected API");
    const proxy = lab.latest("jwt").locator('[data-lane="proxy"]');
    await expect(proxy).toContainText("Skipped: the proxy (proxy.ts) does not run for this path (see its matcher), so the route checks the credential by itself");
    await proxy.getByRole("button", { name: "matcher" }).click();
    await expect(proxy.getByRole("note")).toContainText("The list of paths the proxy runs on");
  });

  test("the dashboard's trace says what a cached check means, and the JWT check in plain words", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(DEMO.alice.email, DEMO.alice.password, "jwt");
    await new DashboardPage(page).expectSignedIn(DEMO.alice.email, "user", "jwt");
    // A second render of the same token: this instance verified it before.
    await page.reload();
    const verify = page.getByRole("region", { name: /How the server authenticated/ }).locator("[data-step=jwt-verify]");
    await expect(verify).toContainText("Check the token's signature and claims (jose jwtVerify)");
    await expect(verify).toContainText("signature checked before by this server and remembered");
    await expect(verify).not.toContainText("Signature already verified by this instance: cached");
    await verify.getByRole("button", { name: /signature checked before/ }).click();
    await expect(verify.getByRole("note")).toContainText("Cached verification:");
  });
});
