import { describe, expect, test } from "vitest";
import { CHALLENGE_IDS, CHALLENGES, findChallenge } from "./catalogue";
import { ACCESS_AFTER_LOGOUT_ANSWER } from "./checks/access-after-logout";
import { BEAT_THE_DENYLIST_ANSWER } from "./checks/beat-the-denylist";
import { CSRF_COOKIE_ANSWER } from "./checks/csrf-cookie";
import { FORGED_ADMIN_ANSWER } from "./checks/forged-admin";
import { SPENT_REFRESH_ANSWER } from "./checks/spent-refresh-detected";
import { TOKEN_VIA_SCRIPT_ANSWER } from "./checks/token-via-script";

const ANSWERS: Record<string, string> = {
  "forged-admin": FORGED_ADMIN_ANSWER,
  "access-after-logout": ACCESS_AFTER_LOGOUT_ANSWER,
  "spent-refresh-detected": SPENT_REFRESH_ANSWER,
  "token-via-script": TOKEN_VIA_SCRIPT_ANSWER,
  "beat-the-denylist": BEAT_THE_DENYLIST_ANSWER,
  "csrf-cookie": CSRF_COOKIE_ANSWER,
};

describe("the challenge catalogue (what every learner's browser gets)", () => {
  test("holds at least eight challenges, one per id, each with a goal and hints", () => {
    expect(CHALLENGES.map((c) => c.id)).toEqual([...CHALLENGE_IDS]);
    expect(CHALLENGES.length).toBeGreaterThanOrEqual(8);
    for (const c of CHALLENGES) {
      expect(c.goal.length, c.id).toBeGreaterThan(20);
      expect(c.hints.length, c.id).toBeGreaterThanOrEqual(2);
    }
  });

  test("every question's right answer is one of its options, and questions come only with a server-side answer", () => {
    for (const c of CHALLENGES) {
      if (!c.question) {
        expect(ANSWERS[c.id], c.id).toBeUndefined();
        continue;
      }
      expect(c.question.options.map((o) => o.id), c.id).toContain(ANSWERS[c.id]);
    }
  });

  test("an option carries an id and a label only: nothing says which is right", () => {
    for (const c of CHALLENGES) for (const option of c.question?.options ?? []) expect(Object.keys(option).sort()).toEqual(["id", "label"]);
  });

  test("the right answer is not always in the same place", () => {
    const positions = new Set(CHALLENGES.filter((c) => c.question).map((c) => c.question!.options.findIndex((o) => o.id === ANSWERS[c.id])));
    expect(positions.size).toBeGreaterThan(1);
  });

  test("an unknown id finds nothing", () => {
    expect(findChallenge("solved")).toBeUndefined();
    expect(findChallenge("forged-admin")?.title).toMatch(/forged token/);
  });
});
