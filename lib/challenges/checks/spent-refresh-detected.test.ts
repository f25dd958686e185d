import { describe, expect, test } from "vitest";
import { decideSpentRefresh, SPENT_REFRESH_ANSWER } from "./spent-refresh-detected";

describe("spent-refresh-detected: the lab's own REFRESH_TOKEN_REUSED event", () => {
  test("with the event and the right answer: solved", () => {
    expect(decideSpentRefresh({ eventKinds: ["REFRESH_FAMILIES_REVOKED", "REFRESH_TOKEN_REUSED"] }, SPENT_REFRESH_ANSWER)).toMatchObject({ solved: true, saw: expect.stringContaining("1 REFRESH_TOKEN_REUSED event") });
  });
  test("other events only (a plain refresh, a logout) are not solved", () => {
    expect(decideSpentRefresh({ eventKinds: ["REFRESH_FAMILIES_REVOKED", "CROSS_ORIGIN_REFUSED"] }, SPENT_REFRESH_ANSWER).solved).toBe(false);
    expect(decideSpentRefresh({ eventKinds: [] }, SPENT_REFRESH_ANSWER).solved).toBe(false);
  });
  test("the event with a wrong answer is not solved", () => {
    expect(decideSpentRefresh({ eventKinds: ["REFRESH_TOKEN_REUSED"] }, "thief-only").solved).toBe(false);
  });
});
