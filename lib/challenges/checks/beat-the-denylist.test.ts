import { describe, expect, test } from "vitest";
import { BEAT_THE_DENYLIST_ANSWER, decideBeatTheDenylist } from "./beat-the-denylist";

describe("beat-the-denylist: a real entry in the lab's denylist, and its cost", () => {
  test("an entry and the right answer: solved", () => {
    expect(decideBeatTheDenylist({ entries: 1, denylistEnabled: true }, BEAT_THE_DENYLIST_ANSWER)).toMatchObject({ solved: true, saw: expect.stringContaining("1 entry") });
  });
  test("an empty denylist is not solved, whether on or off", () => {
    expect(decideBeatTheDenylist({ entries: 0, denylistEnabled: false }, BEAT_THE_DENYLIST_ANSWER)).toMatchObject({ solved: false, reason: expect.stringContaining("off") });
    expect(decideBeatTheDenylist({ entries: 0, denylistEnabled: true }, BEAT_THE_DENYLIST_ANSWER)).toMatchObject({ solved: false, reason: expect.stringContaining("empty") });
  });
  test("the wrong cost is not solved", () => {
    expect(decideBeatTheDenylist({ entries: 2, denylistEnabled: true }, "nothing").solved).toBe(false);
  });
});
