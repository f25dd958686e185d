import { expect, test } from "./fixtures/test";

/** A wrong address gets the lab's own page with a way back, as a 404 — not the framework's bare page. */
test("a page that does not exist: 404, the lab's own page, links back", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "No such page" })).toBeVisible();
  await expect(page.getByRole("banner")).toBeVisible();
  await page.getByRole("navigation", { name: "Where to go" }).getByRole("link", { name: "The lab" }).click();
  await expect(page.getByRole("heading", { name: "Sessions vs JWT, side by side" })).toBeVisible();
});
