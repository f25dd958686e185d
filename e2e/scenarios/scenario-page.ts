import { expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { readmeScreenshot } from "../fixtures/screenshots";

/**
 * Cells of a row of the scenario's step table, after its row header (the step itself, which stays in
 * view when the table scrolls sideways on a phone), in order.
 */
const COLUMN = { strategy: 0, status: 1, code: 2, storeQueries: 3, says: 4, request: 5 } as const;

export interface RowExpectation {
  strategy?: "Session" | "JWT" | "Lab";
  status?: string | RegExp;
  code?: string | RegExp;
  storeQueries?: string;
  says?: string | RegExp;
}

/** A scenario page as a learner uses it: read the intro, press Run, read the rows and the verdicts. */
export class ScenarioPage {
  constructor(readonly page: Page) {}

  async goto(slug: string, title: string): Promise<void> {
    await this.page.goto(`/scenarios/${slug}`);
    await expect(this.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(this.progress).toHaveText(/Not run yet/);
  }

  get progress(): Locator {
    return this.page.getByRole("status", { name: "Scenario progress" });
  }

  /** Presses Run and waits until the scenario and its clean-up are over. */
  async run(): Promise<void> {
    await this.page.getByRole("button", { name: "Run the scenario" }).click();
    await expect(this.progress).toHaveText(/^(Finished|Stopped)/, { timeout: 45_000 });
    // (Next's route announcer is an alert too: look for ours only.)
    await expect(this.page.getByRole("alert").filter({ hasText: "The scenario stopped" }), "the scenario should not stop").toHaveCount(0);
    await expect(this.progress).toHaveText(/^Finished/);
  }

  /** The rows whose step label is exactly `step` (or matches the pattern). */
  row(step: string | RegExp): Locator {
    return this.page.getByRole("row").filter({ has: this.page.getByText(step, { exact: true }) });
  }

  async expectRow(step: string | RegExp, expected: RowExpectation): Promise<Locator> {
    const row = this.row(step);
    await expect(row, `one row for “${String(step)}”`).toHaveCount(1);
    const cells = row.getByRole("cell");
    if (expected.strategy) await expect(cells.nth(COLUMN.strategy)).toHaveText(expected.strategy);
    if (expected.status !== undefined) await expect(cells.nth(COLUMN.status)).toHaveText(expected.status);
    if (expected.code !== undefined) await expect(cells.nth(COLUMN.code)).toHaveText(expected.code);
    if (expected.storeQueries !== undefined) await expect(cells.nth(COLUMN.storeQueries)).toHaveText(expected.storeQueries);
    if (expected.says !== undefined) await expect(cells.nth(COLUMN.says)).toContainText(expected.says);
    return row;
  }

  verdict(strategy: "Session" | "JWT"): Locator {
    return this.page.getByRole("region", { name: `${strategy} verdict` });
  }

  /** Every row's clean-up happened and none failed. */
  async expectCleanedUp(): Promise<void> {
    await expect(this.page.getByRole("row").filter({ hasText: /Clean-up.*failed/ })).toHaveCount(0);
  }

  async screenshot(slug: string): Promise<void> {
    await readmeScreenshot(this.page, `scenarios/${slug}`, { fullPage: true });
  }
}

export async function cookieNames(context: BrowserContext): Promise<string[]> {
  return (await context.cookies()).map((c) => c.name);
}

export async function findCookie(context: BrowserContext, name: string) {
  return (await context.cookies()).find((c) => c.name === name);
}

/** The server's settings, read without credentials (anyone may read them). */
export async function readSettings(page: Page): Promise<Record<string, unknown>> {
  const res = await page.request.get("/api/settings", { headers: { cookie: "" } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { settings: Record<string, unknown> }).settings;
}
