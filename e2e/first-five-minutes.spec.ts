import { expect, test } from "./fixtures/test";
import { advanceClock, DEMO, resetClock } from "./fixtures/api";
import { LabPage } from "./fixtures/lab";
import { expectInViewport } from "./fixtures/viewport";

/**
 * A newcomer's first five minutes on the home page: one obvious first action, detail that waits
 * until there is something to show, and a request history that lists only what they caused.
 */
test.describe("The first five minutes", () => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    test(`at ${size.width}×${size.height} the first screen says what to do first`, async ({ page }) => {
      await page.setViewportSize(size);
      const lab = new LabPage(page);
      await lab.goto();
      const start = page.getByRole("region", { name: "Start here" });
      await expectInViewport(page, start.getByRole("button", { name: "Log both panes in" }), "the first action");
      // Nothing signed in yet, so the inspectors wait, closed, saying why.
      for (const mode of ["session", "jwt"] as const) {
        await expect(lab.inspector(mode)).not.toHaveAttribute("open");
        await expect(lab.inspector(mode)).toContainText("nothing to inspect yet");
      }
    });
  }

  test("Start here: log both panes in, call the API from both, compare — the inspectors open once they hold a credential", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    const start = page.getByRole("region", { name: "Start here" });
    await start.getByRole("button", { name: "Log both panes in" }).click();
    await expect(lab.session.getByTestId("session-email")).toHaveText(DEMO.alice.email);
    await expect(lab.jwt.getByTestId("jwt-email")).toHaveText(DEMO.alice.email);
    await expect(lab.inspector("session")).toHaveAttribute("open", "");
    await expect(lab.inspector("jwt")).toHaveAttribute("open", "");

    await start.getByRole("button", { name: "Call the API from both" }).click();
    await expect(lab.last("jwt")).toHaveText("Last: Call the protected API: 200");
    // The difference in one line: the session asked its store, the JWT did not.
    await expect(start.getByTestId("start-here-compare")).toContainText(/Session: [1-9]\d* store quer(y|ies) · JWT: 0/);
    await expect(start.getByRole("link", { name: "Take the guided tour (7 steps)" })).toHaveAttribute("href", "/tour");

    // The learner's own choice wins over the automatic opening.
    await lab.inspector("session").locator("summary").click();
    await expect(lab.inspector("session")).not.toHaveAttribute("open");
    await lab.press("session", "Call the protected API");
    await expect(lab.last("session")).toHaveText("Last: Call the protected API: 200");
    await expect(lab.inspector("session")).not.toHaveAttribute("open");
  });

  test("the request history lists only what the learner caused, not the panels' own reads", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    const history = page.getByRole("heading", { name: /^Request history \(\d+\)$/ });
    // Every panel has read what it shows (the instances panel last of all)…
    await (await lab.openPanel("Instances")).getByTestId("this-instance").waitFor();
    await expect(lab.inspector("jwt")).toContainText("nothing to inspect yet");
    // …and none of those reads is listed as if the learner had made it.
    await expect(history).toHaveText("Request history (0)");
    await lab.press("session", "Call the protected API");
    await expect(history).toHaveText("Request history (1)");
  });

  test("a countdown that runs out says “expired”, never “expires in expired”", async ({ page }) => {
    const request = page.request;
    const { settings } = (await (await request.get("/api/settings")).json()) as { settings: { accessTtlSeconds: number } };
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("jwt");
    await expect(lab.jwt.getByTestId("jwt-state")).toContainText(/expires in \d\d:\d\d/);
    // Three seconds before the token's exp on the server's clock; any lab request makes the panes re-read it.
    await advanceClock(request, settings.accessTtlSeconds - 3);
    try {
      await lab.press("session", "Call the protected API");
      await expect(lab.jwt.getByTestId("jwt-state")).toContainText(/expires in 00:0[0-3]/);
      await expect(lab.jwt.getByTestId("jwt-state")).toContainText("· expired");
      await expect(lab.jwt.getByTestId("jwt-state")).not.toContainText("expires in expired");
    } finally {
      await resetClock(request);
    }
  });
});
