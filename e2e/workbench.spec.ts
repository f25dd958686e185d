import { expect, test } from "./fixtures/test";
import { type Page } from "@playwright/test";
import { advanceClock, COOKIE, DEMO, resetClock, withSettings } from "./fixtures/api";
import { LabPage } from "./fixtures/lab";
import { E2E_SERVER_JWT_SECRET, recordRequests, wireText, WorkbenchPage, type SeenRequest } from "./fixtures/workbench";

/**
 * The token workbench. A JWT is readable by anyone who holds it and can be re-signed by anyone with
 * *a* key; only the server's key makes it valid. Everything the learner types — secrets, private
 * keys — stays in the page: every request the browser makes is recorded and searched for them.
 */

/** An AuthLab access token, as another client would hold it (body only, no cookie set). */
async function aliceToken(page: Page): Promise<string> {
  const response = await page.request.post("/api/auth/jwt/login?cookies=none", { data: DEMO.alice });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The forms a typed value could take on the wire: as typed, URL-encoded, base64url. */
function encodings(value: string): string[] {
  return [value, encodeURIComponent(value), Buffer.from(value).toString("base64url"), Buffer.from(value).toString("base64")];
}

function carrying(requests: SeenRequest[], value: string): string[] {
  return requests.filter((request) => encodings(value).some((form) => wireText(request).includes(form))).map((request) => `${request.method} ${request.url}`);
}

test.describe("Token workbench: read it, verify it, forge it — the server decides", () => {
  test("a pasted token decodes without any key: header, payload and signature, every claim explained, times against the clock", async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.goto();
    await workbench.paste(await aliceToken(page));

    // The header says how it was signed; AuthLab pins HS256 and an explicit type.
    await expect(workbench.field(workbench.header, "alg")).toContainText("Algorithm");
    await expect(workbench.header).toContainText('"HS256"');
    await expect(workbench.header).toContainText('"at+jwt"');
    // The payload is readable by anyone holding the token: who, which role, until when.
    await expect(workbench.payload).toContainText('"alice@example.com"');
    await expect(workbench.payload).toContainText('"user"');
    await expect(workbench.field(workbench.payload, "exp")).toContainText("Expires at");
    await expect(workbench.time("exp")).toContainText(/in 1[45] min( \d+ s)? on this device's clock/);
    await expect(workbench.payload).toContainText("The server trusts it without asking the database until exp");
    await expect(workbench.signature).toContainText("32 bytes: an HMAC-SHA256");
    // Nothing alarming in an AuthLab token but the reminder about kid.
    await expect(workbench.warning(/^Note\s*kid:/)).toBeVisible();
    await expect(workbench.warnings.getByRole("listitem")).toHaveCount(1);

    // Hostile input is explained, never a crash.
    await workbench.paste("definitely.not-a-jwt");
    await expect(page.getByRole("status", { name: "Decoding" })).toContainText("this has 2 parts");
    await workbench.paste("eyJhbGciOiJIUzI1NiJ9.W10.");
    await expect(workbench.payload).toContainText("an array, not an object");
  });

  test("an example shows RFC 8725's warnings: alg none, a jku header, exp 1e300", async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.goto();
    for (const [example, warning] of [
      ["alg: none, role: admin", /Danger\s*alg: none — an unsigned token/],
      ["jku header: bring your own key", /Danger\s*jku header/],
      ["exp: 1e300", /Danger\s*exp is absurd/],
    ] as const) {
      await page.getByRole("combobox", { name: "Or try an example" }).selectOption({ label: example });
      await page.getByRole("button", { name: "Load example" }).click();
      await expect(workbench.warning(warning)).toBeVisible();
    }
    await expect(workbench.warning(/jku/)).toHaveCount(0);
  });

  test("verifying in the browser: the server's secret says valid, a wrong one ERR_JWS_SIGNATURE_VERIFICATION_FAILED — and neither secret is sent", async ({ page, context }) => {
    const requests = recordRequests(context);
    const workbench = new WorkbenchPage(page);
    await workbench.goto();
    await workbench.getFreshTokenForAlice();

    await workbench.verifyWithSecret(E2E_SERVER_JWT_SECRET);
    await expect(workbench.verification.getByTestId("verify-headline")).toHaveText("Valid: signature verified and claims accepted");

    const wrongSecret = "learner-guess-0123456789-not-the-servers";
    await workbench.verifyWithSecret(wrongSecret);
    await expect(workbench.verification.getByTestId("verify-headline")).toHaveText("Invalid signature");
    await expect(workbench.verification.getByTestId("verify-code")).toHaveText("ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    await expect(workbench.verification).toContainText("Step 2, claims (exp, nbf): not checked");

    const seen = await requests();
    expect(seen.some((r) => r.url.endsWith("/api/auth/jwt/login?cookies=none")), "the recorder saw the page's own requests").toBe(true);
    expect(carrying(seen, E2E_SERVER_JWT_SECRET), "requests carrying the server's secret").toEqual([]);
    expect(carrying(seen, wrongSecret), "requests carrying the typed secret").toEqual([]);
  });

  test("the RFC 7515 A.1 example: the signature verifies with the RFC's key, and the token is still refused — it expired in 2011", async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.goto();
    await page.getByRole("combobox", { name: "Or try an example" }).selectOption({ label: "RFC 7515 A.1 — HS256" });
    await page.getByRole("button", { name: "Load example" }).click();
    await page.getByRole("button", { name: "Verify in this browser" }).click();
    await expect(workbench.verification.getByTestId("verify-headline")).toHaveText("Signature verified — but the token is refused");
    await expect(workbench.verification.getByTestId("verify-code")).toHaveText("ERR_JWT_EXPIRED");
  });

  test("forgeries: an admin token re-signed with my secret, my ES256 key, or no signature — AuthLab refuses each, and no request carries my secret or private key", async ({ page, context }) => {
    const requests = recordRequests(context);
    const workbench = new WorkbenchPage(page);
    await workbench.goto();
    await workbench.getFreshTokenForAlice();
    // The editors say where JSON breaks, and nothing broken gets signed.
    await page.getByRole("button", { name: "Copy header and payload from the token above" }).click();
    await page.getByRole("textbox", { name: "Payload (JSON)" }).fill('{ "role": "admin", }');
    await expect(page.getByText(/^The payload is not valid JSON: .*position/)).toBeVisible();
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The payload is not valid JSON" })).toBeVisible();
    await expect(workbench.signedToken).toHaveCount(0);
    await workbench.editPayloadToAdmin();

    // 1. HS256 with a secret of my own, AuthLab's kid kept: the server recomputes the HMAC with its own secret.
    const mySecret = "my-own-signing-secret-that-authlab-does-not-know";
    await workbench.signWith("HS256", mySecret);
    let answer = await workbench.sendSignedToAuthLab();
    await expect(answer.getByTestId("server-verdict")).toHaveText(/^401 TOKEN_SIGNATURE_INVALID — refused/);
    // The server's own trace says where it stopped.
    await expect(answer.getByRole("region", { name: "What the server did with it" })).toContainText("Verdict: refused (TOKEN_SIGNATURE_INVALID)");
    // In the page, the same token verifies with my secret: validly signed is not the same as accepted.
    await workbench.signedToken.getByRole("button", { name: "Decode and verify it above" }).click();
    await expect(workbench.payload).toContainText('"admin"');
    await page.getByRole("button", { name: "Verify in this browser" }).click();
    await expect(workbench.verification.getByTestId("verify-headline")).toHaveText("Valid: signature verified and claims accepted");

    // 2. ES256 with a key pair made in the page: the server accepts one algorithm only.
    await workbench.signWith("ES256");
    const d = await workbench.revealPrivateKeyD();
    answer = await workbench.sendSignedToAuthLab();
    await expect(answer.getByTestId("server-verdict")).toHaveText(/^401 TOKEN_ALG_NOT_ALLOWED — refused/);

    // 3. alg: none — no signature at all.
    await workbench.signWith("none");
    answer = await workbench.sendSignedToAuthLab();
    await expect(answer.getByTestId("server-verdict")).toHaveText(/^401 TOKEN_ALG_NOT_ALLOWED — refused/);

    const seen = await requests();
    const sends = seen.filter((r) => r.url.includes("/api/me?mode=jwt"));
    expect(sends, "three tokens were sent").toHaveLength(3);
    for (const send of sends) {
      expect(send.headers.authorization, "the token travels as a bearer token").toMatch(/^Bearer ey/);
      expect(send.headers.cookie, "no cookie muddies the verdict").toBeUndefined();
    }
    expect(carrying(seen, mySecret), "requests carrying my signing secret").toEqual([]);
    expect(carrying(seen, d), "requests carrying my private key").toEqual([]);
  });

  test.describe("with the demo clock 20 minutes ahead", () => {
    test.afterEach(async ({ page }) => {
      await resetClock(page.request);
    });

    test("a token still fresh on this device is expired on AuthLab's clock: times are shown on both, and the server judges by its own", async ({ page }) => {
      const workbench = new WorkbenchPage(page);
      const token = await aliceToken(page);
      await advanceClock(page.request, 20 * 60);
      await workbench.goto();
      await workbench.paste(token);

      await expect(workbench.time("exp")).toContainText(/in 1[45] min( \d+ s)? on this device's clock · 5 min( \d+ s)? ago on AuthLab's auth clock \(demo clock \+20 min\)/);

      // Verified on AuthLab's clock (the default when a demo clock runs): the signature is fine, the token is dead.
      await workbench.verifyWithSecret(E2E_SERVER_JWT_SECRET);
      await expect(workbench.verification.getByTestId("verify-code")).toHaveText("ERR_JWT_EXPIRED");
      // On this device's clock the same token is valid: "expired" is a statement about a clock.
      await page.getByRole("radio", { name: "This device's clock" }).check();
      await page.getByRole("button", { name: "Verify in this browser" }).click();
      await expect(workbench.verification.getByTestId("verify-headline")).toHaveText("Valid: signature verified and claims accepted");

      await page.getByText("Send this token to AuthLab as it is").click();
      await page.getByRole("group", { name: "Send the pasted token" }).getByRole("button", { name: "Send to AuthLab" }).click();
      await expect(page.getByRole("status", { name: "AuthLab's answer to the pasted token" }).getByTestId("server-verdict")).toHaveText(/^401 TOKEN_EXPIRED — refused/);
    });
  });

  test("the pane's token in an HttpOnly cookie cannot be taken by the page — it says why, and offers a body-only token", async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.goto();
    await page.getByRole("button", { name: "Take the JWT pane's token" }).click();
    const note = page.getByRole("note", { name: "Why this page cannot read the pane's token" });
    await expect(note).toContainText("HttpOnly cookie — so this page cannot read it");
    await note.getByRole("button", { name: "Get a fresh token for alice (no cookie)" }).click();
    await expect(workbench.payload).toContainText('"alice@example.com"');
  });

  test("with the pane's token in localStorage the page simply takes it — as any script injected into the page could", async ({ page }) => {
    const restore = await withSettings(page.request, { jwtStorage: "localStorage" });
    try {
      const lab = new LabPage(page);
      await lab.goto();
      await expect(lab.jwt).toContainText("kept in localStorage");
      await lab.logInAsAlice("jwt");
      const workbench = new WorkbenchPage(page);
      await workbench.goto();
      await page.getByRole("button", { name: "Take the JWT pane's token" }).click();
      await expect(page.getByRole("status", { name: "Where the token came from" })).toContainText("Read from localStorage");
      await expect(workbench.payload).toContainText('"alice@example.com"');
    } finally {
      await restore();
    }
  });

  test("a session cookie is an opaque seal: its parts have names, its content is ciphertext", async ({ page, context }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.goto();
    // As a learner would from devtools: log in on the Session side, copy the cookie's value.
    expect((await page.request.post("/api/auth/session/login", { data: DEMO.alice })).status()).toBe(200);
    const seal = (await context.cookies()).find((c) => c.name === COOKIE.session)?.value ?? "";
    expect(seal).toMatch(/^Fe26\.2\*/);

    await page.getByRole("textbox", { name: "Session cookie value" }).fill(seal);
    const parts = page.getByRole("group", { name: "The seal taken apart" });
    await expect(parts.getByRole("term")).toHaveText(["Format", "Password id", "Encryption salt", "IV (initialisation vector)", "Ciphertext (the sealed content)", "Expiration", "Integrity salt", "HMAC-SHA256", "iron-session version"]);
    const learnt = page.getByRole("status", { name: "What a client can learn from this seal" });
    await expect(learnt).toContainText("almost nothing");
    await expect(learnt).toContainText(/bytes of ciphertext/);
    await expect(parts).not.toContainText("alice");
  });

  test("fits a phone and a laptop: no sideways scrolling at 390 px, every control at least 24 px", async ({ page }, testInfo) => {
    const workbench = new WorkbenchPage(page);
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(viewport);
      await workbench.goto();
      await workbench.getFreshTokenForAlice();
      await workbench.verifyWithSecret("a-wrong-secret-for-the-screenshot-000");
      await expect(workbench.verification.getByTestId("verify-code")).toHaveText("ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
      await workbench.editPayloadToAdmin();
      await workbench.signWith("HS256", "screenshot-secret");
      await workbench.sendSignedToAuthLab();

      // The page's own content (the site header is the layout's, reworked separately for phones).
      const overflowing = await page.locator("main").evaluate((main) => {
        const width = document.documentElement.clientWidth;
        return [...main.querySelectorAll<HTMLElement>("*")].filter((el) => el.getBoundingClientRect().right > width + 0.5).map((el) => `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 40) ?? ""}`);
      });
      expect(overflowing, `elements wider than ${viewport.width} px`).toEqual([]);
      const small = await page.locator("main").evaluate((main) =>
        [...main.querySelectorAll<HTMLElement>("button, input, select, textarea, summary")]
          .filter((el) => el.offsetParent !== null)
          .map((el) => ({ el: `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? ""}`, ...el.getBoundingClientRect().toJSON() }))
          .filter((box: { width: number; height: number }) => box.width < 24 || box.height < 24)
          .map((box: { el: string }) => box.el),
      );
      expect(small, `controls under 24 px at ${viewport.width} px`).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`workbench-${viewport.width}x${viewport.height}.png`), fullPage: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: testInfo.outputPath(`workbench-${viewport.width}x${viewport.height}-top.png`) });
    }
  });
});
