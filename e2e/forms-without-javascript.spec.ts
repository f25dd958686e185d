import { expect, test } from "./fixtures/test";
import { type Page, type Request } from "@playwright/test";
import { DEMO, uniqueEmail } from "./fixtures/api";

/**
 * Every form that carries a secret posts it, also before the page has hydrated or with JavaScript
 * off: the browser then submits the form itself, and a form without `method` would put the
 * password in the URL (and in every log on the way). Here scripts are off altogether, and every
 * request the browser makes is watched for the secret.
 */
test.use({ javaScriptEnabled: false });

/** Every request of the page, to prove afterwards that no URL ever held the secret. */
function watchRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on("request", (request) => seen.push(request));
  return seen;
}

function expectNoSecretInUrls(requests: Request[], secret: string): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) expect(request.url(), `${request.method()} ${request.url()}`).not.toContain(encodeURIComponent(secret));
  for (const request of requests) expect(request.url()).not.toContain(secret);
}

test.describe("Forms work without JavaScript, and never put a secret in a URL", () => {
  test("log in with a session: the form POSTs, the dashboard opens, the password is in no URL", async ({ page, context }) => {
    const requests = watchRequests(page);
    await page.goto("/login?next=/dashboard");
    await page.getByLabel("Email").fill(DEMO.alice.email);
    await page.getByLabel("Password").fill(DEMO.alice.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId("dashboard-email")).toHaveText(DEMO.alice.email);
    const submitted = requests.find((r) => r.method() === "POST");
    expect(submitted?.postData() ?? "").toContain(DEMO.alice.password);
    expectNoSecretInUrls(requests, DEMO.alice.password);
    expect((await context.cookies()).map((c) => c.name)).toContain("__Host-session");
  });

  test("log in with a JWT: the strategy radio works without scripts too", async ({ page, context }) => {
    const requests = watchRequests(page);
    await page.goto("/login");
    await page.getByLabel("Email").fill(DEMO.admin.email);
    await page.getByLabel("Password").fill(DEMO.admin.password);
    await page.getByRole("radio", { name: /JWT \(signed/ }).check();
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("dashboard-mode")).toContainText("JWT");
    expectNoSecretInUrls(requests, DEMO.admin.password);
    expect((await context.cookies()).map((c) => c.name)).toEqual(expect.arrayContaining(["__Host-access", "__Secure-refresh"]));
  });

  test("a wrong password: the same generic error as with scripts, still no secret in a URL", async ({ page }) => {
    const requests = watchRequests(page);
    await page.goto("/login");
    await page.getByLabel("Email").fill(DEMO.alice.email);
    await page.getByLabel("Password").fill("wrong-and-secret");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("alert")).toContainText("INVALID_CREDENTIALS");
    expectNoSecretInUrls(requests, "wrong-and-secret");
  });

  test("register, then change the password on the dashboard, all without scripts", async ({ page }) => {
    const requests = watchRequests(page);
    const email = uniqueEmail("nojs");
    await page.goto("/register");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("first-password-123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("status")).toContainText(`Account created for ${email}`);

    await page.goto("/login?next=/dashboard");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("first-password-123");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("dashboard-email")).toHaveText(email);

    const form = page.getByRole("form", { name: "Change password" });
    await form.getByLabel("Current password").fill("first-password-123");
    await form.getByLabel("New password").fill("second-password-456");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
    for (const secret of ["first-password-123", "second-password-456"]) expectNoSecretInUrls(requests, secret);
  });

  test("the instructor's admin sign-in needs scripts (its token lives in page memory): it refuses, in a POST", async ({ page }) => {
    const requests = watchRequests(page);
    await page.goto("/instructor");
    const form = page.getByRole("form", { name: "Sign in with another admin account" });
    await form.getByLabel("Admin email").fill(DEMO.admin.email);
    await form.getByLabel("Admin password").fill(DEMO.admin.password);
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "JAVASCRIPT_REQUIRED" })).toBeVisible();
    expect(requests.some((r) => r.method() === "POST")).toBe(true);
    expectNoSecretInUrls(requests, DEMO.admin.password);
  });
});
