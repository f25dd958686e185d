import { decodeProtectedHeader } from "jose";
import { COOKIE } from "./fixtures/api";
import { LabPage } from "./fixtures/lab";
import { readmeScreenshot } from "./fixtures/screenshots";
import { expect, test } from "./fixtures/test";

/**
 * Key rotation, from the lab: the instructor rotates this lab's signing key; the JWT pane's token
 * signed with the old key keeps working, the next login carries the new kid, and no other lab moves.
 */
test("rotating this lab's signing key: the old token keeps working, the next login carries the new kid", async ({ page, context, lab: myLab }) => {
  const accessKid = async () => {
    const cookie = (await context.cookies()).find((c) => c.name === COOKIE.access);
    expect(cookie, "the JWT pane's access cookie").toBeDefined();
    return decodeProtectedHeader(cookie!.value).kid;
  };
  const lab = new LabPage(page);
  await lab.goto();
  await lab.logInAsAlice("jwt");
  const serverKid = await accessKid();

  await page.goto("/instructor");
  const keys = page.getByRole("list", { name: "This lab's signing keys" });
  await expect(keys.getByRole("listitem")).toHaveText([`${serverKid} (the server's key)Signs every new token`, `lab-${myLab.id}-1Published ahead: signs after the next rotation`]);
  const rotate = page.getByRole("button", { name: "Rotate this lab's signing key" });
  await expect(rotate).toBeDisabled();
  await page.getByRole("button", { name: "Sign in as the demo admin (admin@example.com)" }).click();
  await rotate.click();
  await expect(page.getByTestId("signing-keys").getByRole("status")).toHaveText(
    `Rotated: new tokens now carry kid lab-${myLab.id}-1. Tokens issued before keep working until they expire.`,
  );
  await expect(keys.getByRole("listitem").nth(0)).toHaveText(`lab-${myLab.id}-1Signs every new token`);
  await expect(keys.getByRole("listitem").nth(1)).toContainText(`${serverKid} (the server's key)Verifies only — until`);
  await expect(keys.getByRole("listitem").nth(2)).toHaveText(`lab-${myLab.id}-2Published ahead: signs after the next rotation`);
  await expect(page.getByRole("banner").getByRole("list", { name: "Settings not at their defaults" })).toContainText("Lab signing key 1");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId("signing-keys").scrollIntoViewIfNeeded();
  await readmeScreenshot(page, "instructor-signing-keys");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("signing-keys").scrollIntoViewIfNeeded();
  await readmeScreenshot(page, "instructor-signing-keys-narrow");
  await page.setViewportSize({ width: 1280, height: 720 });

  // Back in the lab: the token signed with the server's key still works; a new login gets the lab's key.
  await lab.goto();
  await lab.press("jwt", "Call the protected API");
  await expect(lab.last("jwt")).toHaveText("Last: Call the protected API: 200");
  expect(await accessKid()).toBe(serverKid);
  await lab.press("jwt", "Log out");
  await expect(lab.jwt.getByTestId("jwt-state")).toContainText("Not signed in");
  await lab.logInAsAlice("jwt");
  expect(await accessKid()).toBe(`lab-${myLab.id}-1`);
  await lab.press("jwt", "Call the protected API");
  await expect(lab.last("jwt")).toHaveText("Last: Call the protected API: 200");

  // Another browser's lab still signs with the server's key.
  const other = await page.context().browser()!.newContext();
  try {
    const created = await other.request.post(`${new URL(page.url()).origin}/api/labs`);
    const body = (await created.json()) as { accessToken?: string; cookie: { name: string; value: string } };
    const login = await other.request.post(`${new URL(page.url()).origin}/api/auth/jwt/login?cookies=none`, {
      data: { email: "alice@example.com", password: "wonderland-demo" },
      headers: { cookie: `${body.cookie.name}=${body.cookie.value}` },
    });
    expect(decodeProtectedHeader(((await login.json()) as { accessToken: string }).accessToken).kid).toBe(serverKid);
  } finally {
    await other.close();
  }
});
