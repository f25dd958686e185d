import { expect, test } from "./fixtures/test";
import { labSettings, newLearner, runEveryScenario, runTheTour } from "./fixtures/two-learners";

/**
 * One server, a class: two learners, each in a lab of their own, do opposite things at the same
 * time — one runs the guided tour (it moves the clock and turns the denylist on), the other runs all
 * nine scenarios — and each sees only their own results.
 */
test("two learners at once: the tour in one lab, every scenario in another, and neither sees the other", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const tourist = await newLearner(browser, baseURL!);
  const tester = await newLearner(browser, baseURL!);
  expect(tourist.labId).not.toBe(tester.labId);
  try {
    await Promise.all([runTheTour(tourist.page), runEveryScenario(tester.page)]);

    // The tour left its lab with the denylist on; the scenarios left theirs as they found it.
    expect(await labSettings(tourist.page)).toMatchObject({ labId: tourist.labId, denylistEnabled: true });
    expect(await labSettings(tester.page)).toMatchObject({ labId: tester.labId, offsetMs: 0, denylistEnabled: false });
    // The header says so too: a badge in the tourist's lab, none in the tester's.
    await tester.page.goto("/");
    await expect(tester.page.getByRole("banner").getByRole("list", { name: "Settings not at their defaults" })).toHaveCount(0);
  } finally {
    await tourist.context.close();
    await tester.context.close();
  }
});
