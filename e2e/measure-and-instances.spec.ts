import { expect, test } from "@playwright/test";
import { LabPage } from "./fixtures/lab";

/**
 * The cost claims are measured on this server, not asserted: a few hundred real requests per
 * strategy, each compared with the unauthenticated route in the same run. And every page says which
 * instance served it and when that process started.
 */
test.describe("Measured, and served by a named instance", () => {
  test("the measure button runs real requests per strategy and shows throughput relative to the unauthenticated route", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    const panel = page.getByRole("region", { name: "Measure: lookup overhead vs verify cost" });
    await panel.getByRole("button", { name: "Measure" }).click();
    const result = panel.getByTestId("measure-result");
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(result.locator("[data-case=unauthenticated]")).toBeVisible();
    await expect(result.getByTestId("ratio-unauthenticated")).toHaveText("1.00");
    const names = await result.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-case")));
    expect(names.some((n) => n?.startsWith("session"))).toBe(true);
    expect(names.some((n) => n?.startsWith("jwt"))).toBe(true);
    for (const name of names) {
      const ratio = Number(await result.getByTestId(`ratio-${name}`).textContent());
      expect(ratio, `ratio of ${name}`).toBeGreaterThan(0);
    }
  });

  test("the lab names the instance that answered and when it started", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    const panel = page.getByRole("region", { name: "Instances" });
    await expect(panel.getByTestId("this-instance")).toHaveText(/^e2e-\d+$/);
    await expect(panel.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    await expect(panel).toContainText("npm run instances");
  });
});
