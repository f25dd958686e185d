"use client";

import { decodeJwt } from "@/lib/scenarios/jwt-parts";
import { describeFindings, preview, stolenTokens } from "@/lib/scenarios/xss-findings";
import { lab, labFetch, type LabExchange } from "../../lab/lab-client";
// The same key the lab's JWT pane uses when its token lives in localStorage.
import { LOCAL_STORAGE_KEY } from "../../lab/token-holder";
import { injectedScriptReads, interceptNextAuthorization } from "../injected-script";
import type { RunContext, Verdicts } from "../run-context";
import type { CaptureBody, LoginBody, MeBody } from "./bodies";
import { ALICE, ALICE_BROWSER, logIn, result, sendToken } from "./common";

const SCRIPT = "Injected script";

function readEverything(ctx: RunContext, lane: "session" | "jwt", where: string) {
  const findings = injectedScriptReads();
  const stolen = stolenTokens(findings);
  ctx.observe(lane, SCRIPT, `Read document.cookie and localStorage (${where})`, {
    detail: describeFindings(findings),
    note: stolen.length > 0 ? `Stolen: ${stolen.map((s) => s.where).join(", ")}.` : "Nothing to steal: no token is readable from this page's JavaScript.",
  });
  return stolen;
}

/** A login that delivers the access token in the body only; the refresh token stays an HttpOnly cookie. */
function loginBodyToken(ctx: RunContext, label: string) {
  return ctx.request("jwt", ALICE_BROWSER, () => lab.login("jwt", ALICE, { refreshOnly: true }) as Promise<LabExchange<LoginBody>>, {
    label,
    require: [200],
    note: () => "No access cookie this time: the token comes back in the JSON body only (the refresh token stays an HttpOnly cookie), and the page must keep it somewhere.",
  });
}

/** Scenario 7: what an XSS payload can read, depending on where the token lives. */
export async function whereTheTokenLives(ctx: RunContext): Promise<Verdicts> {
  ctx.onCleanup("Empty localStorage and log out", async () => {
    const stored = window.localStorage.getItem(LOCAL_STORAGE_KEY);
    window.localStorage.removeItem(LOCAL_STORAGE_KEY);
    ctx.observe("lab", "Clean-up", `Remove ${LOCAL_STORAGE_KEY} from localStorage`, { note: "The page forgets it; the attacker's copy does not." });
    await ctx.request("jwt", "Clean-up", () => lab.logout("jwt", stored), {
      label: "Log out (JWT)",
      note: () => "Revokes the refresh family. The stolen access token still works until its exp unless the denylist is on.",
    });
  });

  // Session: an HttpOnly cookie.
  await logIn(ctx, "session");
  const sessionStolen = readEverything(ctx, "session", "session in an HttpOnly cookie");
  const sessionRide = await ctx.request("session", SCRIPT, () => labFetch<MeBody>("session", "The script calls the API itself, riding on the session cookie", "/api/me?mode=session", { sent: "cookies (the browser attaches them for the script)" }), {
    note: (ex) => (ex.ok ? `Answered as ${ex.body?.user?.email ?? "?"}: the script cannot read the cookie but can ride on it while it runs.` : undefined),
  });

  // JWT 1: access token in an HttpOnly cookie (the default).
  await logIn(ctx, "jwt");
  const cookieStolen = readEverything(ctx, "jwt", "access token in an HttpOnly cookie");
  await ctx.request("jwt", SCRIPT, () => labFetch<MeBody>("jwt", "The script calls the API itself, riding on the access cookie", "/api/me?mode=jwt", { sent: "cookies (the browser attaches them for the script)" }), {
    note: (ex) => (ex.ok ? "Answered: like the session, the cookie cannot be read but can be used." : undefined),
  });
  await ctx.request("jwt", ALICE_BROWSER, () => lab.logout("jwt"), { label: "Log out (JWT), clearing the cookies" });

  // JWT 2: in memory, sent as Authorization.
  const memoryLogin = await loginBodyToken(ctx, "Log in, keeping the access token in page memory");
  const memoryToken = memoryLogin.body!.accessToken!;
  const memoryStolenAtRest = readEverything(ctx, "jwt", "access token in a JavaScript variable");
  const interception = interceptNextAuthorization();
  ctx.observe("jwt", SCRIPT, "Wrap window.fetch and wait for the page's next request", { note: "A payload cannot reach the variable, but it can sit in the path the token takes." });
  await ctx.request("jwt", ALICE_BROWSER, () => sendToken("jwt", "The page calls the API with its token", memoryToken, "token from memory"), { note: (ex: LabExchange<MeBody>) => (ex.ok ? "Accepted." : undefined) });
  // The wrapper settled while the page's request went out; stop() only matters if it never did.
  interception.stop();
  const caught = await interception.captured;
  ctx.observe("jwt", SCRIPT, caught ? "Caught the Authorization header in flight" : "Caught nothing in flight", {
    ...(caught ? { detail: `Authorization: ${preview(caught, 40)}` } : {}),
    note: caught ? "In memory the token is safe at rest, not from a script that watches it being sent." : undefined,
  });

  // JWT 3: in localStorage.
  await ctx.request("jwt", ALICE_BROWSER, () => lab.logout("jwt", memoryToken), { label: "Log out (JWT), forgetting the token in memory" });
  const storedLogin = await loginBodyToken(ctx, "Log in, keeping the access token in localStorage");
  window.localStorage.setItem(LOCAL_STORAGE_KEY, storedLogin.body!.accessToken!);
  ctx.observe("jwt", ALICE_BROWSER, `The page stores the token: localStorage["${LOCAL_STORAGE_KEY}"]`, { note: "Convenient — it survives a reload — and readable by every script on this origin." });
  const stored = readEverything(ctx, "jwt", "access token in localStorage");
  let exfiltrated: { status: number; code?: string } | null = null;
  const loot = stored[0];
  if (loot) {
    const copy = await ctx.request("jwt", SCRIPT, () => labFetch<CaptureBody>("lab", "Send the stolen token to the attacker", "/api/auth/jwt/capture", { method: "POST", bearer: loot.token, sent: "the stolen token (Authorization header)" }), { require: [200] });
    exfiltrated = await ctx.replay("jwt", copy.body!.captureId, "access", {
      label: "The attacker uses the stolen token from their own machine",
      note: (o) => (o.status === 200 ? `Accepted as ${String(decodeJwt(loot.token).payload?.email ?? "?")}, until the token's exp.` : undefined),
    });
  }

  const nothingReadable = sessionStolen.length === 0 && cookieStolen.length === 0 && memoryStolenAtRest.length === 0;
  return {
    session:
      sessionStolen.length === 0
        ? { headline: "Unreadable — but usable", tone: "safe", explanation: `The script saw no session cookie (HttpOnly), yet its own call to the API got ${result(sessionRide.status, sessionRide.code)}: HttpOnly stops theft, not a script acting as the user while the page is open.` }
        : { headline: "Readable by scripts", tone: "exposed", explanation: "The script could read the session cookie." },
    jwt: {
      headline: stored.length > 0 ? "localStorage: stolen" : "Nothing stolen",
      tone: stored.length > 0 ? "exposed" : "safe",
      explanation: `HttpOnly cookie: ${cookieStolen.length === 0 ? "nothing readable" : "readable"}. Memory: ${memoryStolenAtRest.length === 0 ? "nothing readable at rest" : "readable"}${caught ? ", but the header was caught in flight" : ""}. localStorage: ${stored.length > 0 ? `read in one line and used from elsewhere (${exfiltrated ? result(exfiltrated.status, exfiltrated.code) : "not replayed"})` : "nothing found"}.${nothingReadable ? " Keep tokens where scripts cannot read them — and stop the XSS, which can act as the user regardless." : ""}`,
    },
  };
}
