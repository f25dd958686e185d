"use client";

import { ERRORS, type ErrorCode } from "@/lib/errors";
import { otherOrigin } from "@/lib/scenarios/other-origin";
import { lab, labFetch, type LabExchange } from "../../lab/lab-client";
import { waitForLanding, waitForProbe } from "../cross-site-window";
import { ScenarioStopped, type RunContext, type Verdicts } from "../run-context";
import type { LoginBody, ServerEvent, StateBody } from "./bodies";
import { ALICE, ALICE_BROWSER, callApi, logIn, result } from "./common";

const FORGED_PATH = "/api/auth/session/logout-all";
const WAIT_MS = 20_000;

interface RefusalDetail {
  origin?: string | null;
  secFetchSite?: string | null;
  cookiesSent?: string[];
  path?: string;
}

function refusals(state: LabExchange<StateBody>): ServerEvent[] {
  return state.body?.events.filter((e) => e.kind === "CROSS_ORIGIN_REFUSED") ?? [];
}

function parseAnswer(text: string): { code?: ErrorCode } {
  try {
    const code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
    return code && code in ERRORS ? { code: code as ErrorCode } : {};
  } catch {
    return {};
  }
}

/** Scenario 8: a forged cross-site request against a cookie, and why a Bearer header cannot be forged. */
export async function csrf(ctx: RunContext): Promise<Verdicts> {
  const attackerOrigin = otherOrigin(window.location);
  if (!attackerOrigin) throw new ScenarioStopped(`This scenario plays "another site" with this app's other loopback name; open the lab on http://localhost:${window.location.port || "3000"} to run it.`);
  const popup = ctx.popup;
  if (!popup) throw new ScenarioStopped("The browser blocked the attacker's window: allow pop-ups for this site and press Run again.");
  ctx.onCleanup("Close the attacker's window", async () => {
    if (!popup.closed) popup.close();
  });

  await logIn(ctx, "session");
  const jwtLogin = await ctx.request(
    "jwt",
    ALICE_BROWSER,
    () => labFetch<LoginBody>("jwt", `Log in as ${ALICE.email} (JWT, token only)`, "/api/auth/jwt/login?cookies=none", { method: "POST", body: { email: ALICE.email, password: ALICE.password }, sent: "email + password (JSON body)" }),
    { require: [200], note: () => "No cookies: the page keeps the token in memory and sends it as an Authorization header." },
  );
  const token = jwtLogin.body!.accessToken!;
  const before = new Set(refusals(await ctx.request("lab", "Lab", () => lab.state() as Promise<LabExchange<StateBody>>, { label: "Read the server's security events", require: [200] })).map((e) => e.id));

  // 1. A real cross-site form post against the cookie-authenticated "log out everywhere".
  // The attacker's site is another origin: this lab's (SameSite=Lax) lab cookie stays home, so the
  // page is told which lab to aim at (a value the lab signed: its bare id would not do), for the
  // refused request to be recorded there.
  const csrfDemoLab = (await labFetch<{ csrfDemoLab: string }>("lab", "Which lab is this?", "/api/labs/current", { quiet: true })).body?.csrfDemoLab ?? "";
  popup.location.href = `${attackerOrigin}/lab/csrf-attack?lab=${encodeURIComponent(csrfDemoLab)}`;
  const answer = await waitForLanding(popup, FORGED_PATH, WAIT_MS);
  if (answer === null) throw new ScenarioStopped("The attacker's page did not submit its form in time.");
  const { code } = parseAnswer(answer);
  ctx.observe("session", `Attacker's page (${new URL(attackerOrigin).hostname})`, "Auto-submit a forged HTML form to “log out everywhere”", {
    request: { method: "POST", path: FORGED_PATH, sent: `a form on ${attackerOrigin}; the browser decides which cookies go along` },
    ...(code ? { status: ERRORS[code].status, code } : {}),
    note: "The server's answer, shown in the attacker's window — which cannot even read it.",
    detail: answer.trim(),
  });
  const after = await ctx.request("lab", "Lab", () => lab.state() as Promise<LabExchange<StateBody>>, { label: "Read the server's security events", require: [200] });
  const event = refusals(after).find((e) => !before.has(e.id));
  const detail = (event?.detail ?? {}) as RefusalDetail;
  const cookiesSent = detail.cookiesSent ?? [];
  ctx.observe("session", "Server", event ? "Security event recorded: CROSS_ORIGIN_REFUSED" : "No refusal was recorded", {
    where: "from the server state read above",
    ...(event
      ? {
          detail: `Origin: ${detail.origin ?? "(none)"}\nSec-Fetch-Site: ${detail.secFetchSite ?? "(none)"}\nCookies the browser attached: ${cookiesSent.length ? cookiesSent.join(", ") : "none"}`,
          note: `${cookiesSent.includes("__Host-session") ? "The session cookie went along" : "SameSite=Lax kept the session cookie home on a cross-site POST"}, and the origin check refused the request before any handler ran.`,
        }
      : {}),
  });
  const session = await callApi(ctx, "session", { label: "Alice's next request (session)", note: (ex) => (ex.ok ? "Still logged in: the forged “log out everywhere” did nothing." : undefined) });

  // 2. The same attack against a Bearer header, from the same attacker page.
  const probe = waitForProbe(attackerOrigin, WAIT_MS);
  popup.location.href = `${attackerOrigin}/scenarios/csrf-attacker`;
  const report = await probe;
  if (!report) throw new ScenarioStopped("The attacker's page did not report back in time.");
  ctx.observe("jwt", "Attacker's page", "An HTML form has no way to set an Authorization header", {
    where: "no request: the HTML form standard has no header fields",
    note: "A form sends a URL, a method (GET or POST), fields and whatever cookies the browser adds — never a header of the page's choosing.",
  });
  ctx.observe("jwt", "Attacker's page", "Try fetch() with an Authorization header instead", {
    request: { method: "POST", path: "/api/auth/jwt/logout-all", sent: `Authorization: Bearer … from ${attackerOrigin}` },
    note: report.bearerAttempt.sent
      ? `The request went out: ${report.bearerAttempt.outcome}.`
      : `Blocked by the browser before it was sent (${report.bearerAttempt.outcome}): a cross-origin request with an Authorization header needs a CORS preflight, and this server allows no other origin.`,
  });
  ctx.observe("jwt", "Attacker's page", "Look for Alice's token from the other site", {
    where: "reported by the attacker's page",
    detail: `document.cookie → ${JSON.stringify(report.documentCookie)}\nlocalStorage keys → ${report.localStorageKeys.length ? report.localStorageKeys.join(", ") : "(none)"}`,
    note: "Another origin sees none of this site's cookies, memory or storage: it has no token to put in the header anyway.",
  });
  if (!popup.closed) popup.close();
  const jwt = await callApi(ctx, "jwt", { label: "Alice's next request (JWT, Authorization header)", bearer: token, note: (ex) => (ex.ok ? "Still logged in." : undefined) });

  return {
    session:
      code && session.ok
        ? {
            headline: "Forged form refused",
            tone: "safe",
            explanation: `The cross-site form got ${result(ERRORS[code].status, code)} and Alice stayed logged in (${result(session.status)}). Cookies travel on their own, so a cookie-authenticated action needs defences: SameSite kept the cookie home${event ? "" : " (no event was recorded)"}, and the origin check refuses any cross-site POST.`,
          }
        : { headline: "Forged form not refused", tone: "exposed", explanation: `The forged form's answer: ${answer.slice(0, 120)}; Alice's next request: ${result(session.status, session.code)}.` },
    jwt: {
      headline: report.bearerAttempt.sent ? "Header request went out" : "Cannot be forged",
      tone: report.bearerAttempt.sent ? "exposed" : "safe",
      explanation: `A form cannot set Authorization; the attacker's fetch with one was ${report.bearerAttempt.sent ? "sent" : "stopped by the browser's CORS preflight"}, and the other site can read none of this site's storage, so it has no token anyway. Alice's JWT still works (${result(jwt.status, jwt.code)}). A token the browser does not attach by itself is immune to CSRF — the access cookie, when used, needs the same defences as the session.`,
    },
  };
}
