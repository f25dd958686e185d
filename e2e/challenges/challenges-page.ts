import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { DEMO } from "../fixtures/api";

/** The challenges page as a learner uses it: a card per challenge, a Check that asks the server. */
export class ChallengesPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/challenges");
    await expect(this.page.getByRole("heading", { level: 1, name: "Challenges" })).toBeVisible();
  }

  card(title: string): Locator {
    return this.page.getByRole("article", { name: title });
  }

  verdict(title: string): Locator {
    return this.card(title).getByRole("status", { name: `${title}: the server's verdict` });
  }

  /** Fills in what the learner hands over (a token, a chosen answer) and presses Check. */
  async check(title: string, attempt: { token?: string; answer?: string | RegExp } = {}): Promise<Locator> {
    const card = this.card(title);
    if (attempt.token !== undefined) await card.getByRole("textbox").fill(attempt.token);
    if (attempt.answer !== undefined) await card.getByRole("radio", { name: attempt.answer }).check();
    await card.getByRole("button", { name: "Check", exact: true }).click();
    const verdict = this.verdict(title);
    await expect(verdict).not.toBeEmpty();
    return verdict;
  }

  async expectSolved(title: string): Promise<void> {
    await expect(this.verdict(title)).toContainText(/^Solved: /);
    await expect(this.card(title).getByTestId("challenge-solved")).toBeVisible();
    await expect(this.card(title).getByTestId("challenge-lesson")).toBeVisible();
  }

  async expectNotSolved(title: string, reason: string | RegExp): Promise<void> {
    await expect(this.verdict(title)).toContainText(/^Not solved yet\. /);
    await expect(this.verdict(title)).toContainText(reason);
    await expect(this.card(title).getByTestId("challenge-solved")).toHaveCount(0);
    await expect(this.card(title).getByTestId("challenge-open")).toBeVisible();
  }

  /** After a reload the page shows what the server keeps for the lab, not what the page remembered. */
  async expectStoredAs(title: string, state: "solved" | "open"): Promise<void> {
    await this.goto();
    await expect(this.card(title).getByTestId(state === "solved" ? "challenge-solved" : "challenge-open")).toBeVisible();
  }

  /** Opens a card's hints, one at a time, as a stuck learner would. */
  async revealHints(title: string, count: number): Promise<void> {
    const card = this.card(title);
    for (let i = 1; i <= count; i++) await card.getByRole("button", { name: new RegExp(`^Show (a|the next) hint \\(${i} of`) }).click();
    await expect(card.getByRole("list", { name: "Hints" }).getByRole("listitem")).toHaveCount(count);
  }
}

/** What GET /api/challenges says about one challenge in the browser's lab. */
export async function storedSolved(request: APIRequestContext, id: string): Promise<boolean> {
  const body = (await (await request.get("/api/challenges")).json()) as { challenges: { id: string; solved: boolean }[] };
  return body.challenges.find((c) => c.id === id)?.solved ?? false;
}

/** A cookie-less access token, as the curl lines get one (acts in the browser's lab: page.request carries its lab cookie). */
export async function tokenFor(request: APIRequestContext, who: keyof typeof DEMO): Promise<string> {
  const res = await request.post("/api/auth/jwt/login?cookies=none", { data: DEMO[who] });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Signs in on /instructor as the demo admin and applies settings through the form. */
export async function applyAsInstructor(page: Page, change: (page: Page) => Promise<void>): Promise<void> {
  await page.goto("/instructor");
  await page.getByRole("button", { name: "Sign in as the demo admin (admin@example.com)" }).click();
  await expect(page.getByText(/Changing settings as admin@example\.com/)).toBeVisible();
  await change(page);
  await page.getByRole("button", { name: "Apply changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied at" })).toBeVisible();
}
