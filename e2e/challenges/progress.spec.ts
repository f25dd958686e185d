import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures/test";
import { readmeScreenshot } from "../fixtures/screenshots";
import { DEMO } from "../fixtures/api";
import { ChallengesPage } from "./challenges-page";

interface ListBody {
  labId: string;
  solvedCount: number;
  total: number;
  challenges: { id: string; solved: boolean; lesson: string | null; question?: { options: Record<string, unknown>[] } }[];
}

/**
 * Keep access after logout, with the card's curl lines (page.request is this browser's lab and its
 * cookie jar): a login that keeps the refresh token in the jar, a logout with it, the check.
 */
async function solveAccessAfterLogoutByCurl(request: APIRequestContext): Promise<void> {
  const login = await request.post("/api/auth/jwt/login?cookies=refresh-only", { data: DEMO.alice });
  expect(login.status()).toBe(200);
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  expect((await request.post("/api/auth/jwt/logout", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(204);
  expect((await request.get("/api/me", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
  const check = await request.post("/api/challenges/access-after-logout/check", { data: { token, answer: "record-deleted" } });
  expect(check.status()).toBe(200);
  expect(await check.json()).toMatchObject({ solved: true, challenge: "access-after-logout" });
}

/**
 * Progress belongs to the lab: the challenges page and the instructor page show it, a reset of the
 * lab clears it, and the API never tells the browser which answer is right.
 */
test.describe("Challenge progress", () => {
  test("the instructor sees the lab's progress, and “Reset this lab” clears it", async ({ page }) => {
    await page.goto("/instructor");
    const solved = page.getByRole("status", { name: "Challenges solved in this lab" });
    await expect(solved).toHaveText("0 of 8 solved");

    await solveAccessAfterLogoutByCurl(page.request);
    await page.reload();
    await expect(solved).toHaveText("1 of 8 solved");
    await expect(page.locator('li[data-solved="yes"]')).toContainText(["Keep access after logout"]);

    await page.getByRole("button", { name: "Reset this lab…" }).click();
    await page.getByRole("dialog", { name: "Reset this lab?" }).getByRole("button", { name: "Yes, reset everything" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The demo was reset" })).toBeVisible();
    await expect(solved).toHaveText("0 of 8 solved");

    const challenges = new ChallengesPage(page);
    await challenges.goto();
    await expect(page.getByRole("status", { name: "Challenge progress" })).toHaveText("Solved 0 of 8 in this lab");
    await expect(challenges.card("Keep access after logout").getByTestId("challenge-open")).toBeVisible();
  });

  test("the API lists the challenges without their answers, and refuses unknown ids and fabricated bodies with stable codes", async ({ page, lab }) => {
    const list = (await (await page.request.get("/api/challenges")).json()) as ListBody;
    expect(list).toMatchObject({ labId: lab.id, solvedCount: 0, total: 8 });
    expect(list.challenges).toHaveLength(8);
    for (const c of list.challenges) {
      expect(c.lesson, `${c.id}: the lesson would give the answer away`).toBeNull();
      for (const option of c.question?.options ?? []) expect(Object.keys(option).sort()).toEqual(["id", "label"]);
    }

    const unknown = await page.request.post("/api/challenges/become-root/check", { data: {} });
    expect(unknown.status()).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("CHALLENGE_UNKNOWN");
    for (const data of [{ solved: true }, { answer: "session-cookie", solved: true }, { token: 42 }]) {
      const fabricated = await page.request.post("/api/challenges/csrf-cookie/check", { data });
      expect(fabricated.status(), JSON.stringify(data)).toBe(400);
      expect(((await fabricated.json()) as { error: { code: string } }).error.code).toBe("VALIDATION_FAILED");
    }
    const notYet = await page.request.post("/api/challenges/csrf-cookie/check", { data: { answer: "session-cookie" } });
    expect(notYet.status()).toBe(422);
    const body = (await notYet.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("CHALLENGE_NOT_SOLVED");
    expect(body.error.message).toContain("no CROSS_ORIGIN_REFUSED");
    expect((await page.request.get("/api/challenges/csrf-cookie/check")).status()).toBe(405);
    expect(((await (await page.request.get("/api/challenges")).json()) as ListBody).solvedCount).toBe(0);
  });

  test("the page on a phone and on a projector", async ({ page }) => {
    await solveAccessAfterLogoutByCurl(page.request);
    const challenges = new ChallengesPage(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await challenges.goto();
    await challenges.revealHints("Become admin with a forged token", 1);
    await expect(challenges.card("Keep access after logout").getByTestId("challenge-solved")).toBeVisible();
    await readmeScreenshot(page, "challenges-phone", { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await readmeScreenshot(page, "challenges");
  });
});
