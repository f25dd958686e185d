import { describe, expect, test } from "vitest";
import { notSolved, solved, withAnswer } from "./decision";

describe("withAnswer: the evidence first, the answer last", () => {
  test("a right answer does not solve a challenge whose evidence is missing", () => {
    expect(withAnswer(notSolved("nothing happened"), "right", "right")).toEqual({ solved: false, reason: "nothing happened" });
  });
  test("the evidence alone is not enough where a question is asked", () => {
    expect(withAnswer(solved("it happened"), null, "right")).toMatchObject({ solved: false, reason: expect.stringContaining("choose an answer") });
  });
  test("a wrong answer is refused without naming the right one", () => {
    const decision = withAnswer(solved("it happened"), "wrong", "right");
    expect(decision.solved).toBe(false);
    expect(JSON.stringify(decision)).not.toContain("right\"");
  });
  test("evidence and the right answer solve it", () => {
    expect(withAnswer(solved("it happened"), "right", "right")).toEqual({ solved: true, saw: "it happened" });
  });
});
