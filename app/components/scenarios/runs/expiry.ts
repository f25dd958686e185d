"use client";

import { activityPlan } from "@/lib/scenarios/activity-plan";
import { formatDuration } from "@/lib/scenarios/format";
import { lab } from "../../lab/lab-client";
import { ScenarioStopped, type RunContext, type Verdicts } from "../run-context";
import { ALICE, ALICE_BROWSER, callApi, logIn, moveClock, readClock, readSettings, restoreClockAfterwards, result } from "./common";

/** Scenario 5: lifetimes and timeouts, with the demo clock instead of waiting. */
export async function expiry(ctx: RunContext): Promise<Verdicts> {
  const settings = await readSettings(ctx);
  const clock = await readClock(ctx);
  if (!clock.enabled) throw new ScenarioStopped("The demo clock is disabled on this server (DEMO_CLOCK is off, the default in production), so time cannot be fast-forwarded.");
  const plan = activityPlan(settings.sessionIdleSeconds, settings.sessionAbsoluteSeconds);
  if (!plan) throw new ScenarioStopped(`Walking to the absolute timeout (${formatDuration(settings.sessionAbsoluteSeconds)}) in steps shorter than the idle timeout (${formatDuration(settings.sessionIdleSeconds)}) would take too many requests; shorten the absolute timeout in the settings.`);
  restoreClockAfterwards(ctx, clock);
  ctx.onCleanup("Log out", async () => {
    await ctx.request("jwt", "Clean-up", () => lab.logout("jwt"), { label: "Log out (JWT)" });
    await ctx.request("session", "Clean-up", () => lab.logout("session"), { label: "Log out (session)" });
  });

  const access = settings.accessTtlSeconds;
  const idle = settings.sessionIdleSeconds;
  await logIn(ctx, "session");
  await logIn(ctx, "jwt");

  // 1. Past the access token's lifetime.
  await moveClock(ctx, clock, access + 60, `Past the access token's lifetime (${formatDuration(access)}).`);
  const expired = await callApi(ctx, "jwt", { label: `Call the protected API (JWT), ${formatDuration(access + 60)} after login`, note: (ex) => (ex.status === 401 ? "The token's exp is behind the server's clock." : undefined) });
  const sessionStillIn = await callApi(ctx, "session", { label: `Call the protected API (session), ${formatDuration(access + 60)} after login`, note: (ex) => (ex.ok ? `Still inside the ${formatDuration(idle)} idle window, and this request slid it forward.` : undefined) });
  const renewed = await ctx.request("jwt", ALICE_BROWSER, () => lab.refresh(), { label: "Refresh the expired JWT", note: (ex) => (ex.ok ? "The refresh token is still valid: a new access token is minted." : undefined) });
  await callApi(ctx, "jwt", { label: "Call the protected API with the new token", note: (ex) => (ex.ok ? "The new token works." : undefined) });

  // 2. Past the session's idle timeout.
  await moveClock(ctx, clock, idle + 60, `No request for longer than the session idle timeout (${formatDuration(idle)}).`);
  const idleOut = await callApi(ctx, "session", { label: `Call the protected API (session) after ${formatDuration(idle + 60)} without a request`, note: (ex) => (ex.status === 401 ? "Idle too long: the server deletes the session." : undefined) });
  const idleRefresh = await ctx.request("jwt", ALICE_BROWSER, () => lab.refresh(), {
    label: `Refresh the JWT after ${formatDuration(idle + 60)} without a request`,
    note: (ex) => (ex.ok ? `The JWT's equivalent of an idle limit is the refresh token's idle lifetime: ${formatDuration(settings.refreshIdleSeconds)}.` : undefined),
  });

  // 3. Active all the way to the absolute timeout.
  await ctx.request("session", ALICE_BROWSER, () => lab.login("session", ALICE), { label: "Log in again (session): the absolute lifetime starts now", require: [200] });
  let activeOk = 0;
  for (let i = 0; i < plan.activeRounds; i++) {
    const moved = await lab.advanceClock(plan.jumpSeconds);
    const me = await lab.me("session");
    if (!moved.ok || !me.ok) {
      ctx.observe("session", ALICE_BROWSER, `Stay active: request ${i + 1} of ${plan.activeRounds} failed`, { status: me.status, ...(me.code ? { code: me.code } : {}) });
      throw new ScenarioStopped(`An activity request failed (${result(me.status, me.code)}), so the absolute timeout cannot be shown.`);
    }
    activeOk++;
  }
  ctx.observe("session", ALICE_BROWSER, `Stay active: move the clock ${formatDuration(plan.jumpSeconds)} and call the API, ${activeOk} times`, {
    request: { method: "GET", path: "/api/me?mode=session", sent: "__Host-session cookie" },
    status: 200,
    count: activeOk * 2,
    note: `All ${activeOk} calls answered 200: each came inside the idle window and slid it forward — ${formatDuration(activeOk * plan.jumpSeconds)} of activity.`,
  });
  await moveClock(ctx, clock, plan.finalJumpSeconds, `Still inside the idle window, but now past the absolute lifetime (${formatDuration(settings.sessionAbsoluteSeconds)} after login).`);
  const absoluteOut = await callApi(ctx, "session", { label: "Call the protected API (session) past the absolute lifetime", note: (ex) => (ex.status === 401 ? "However active, the session ends at its absolute lifetime." : undefined) });
  const lateRefresh = await ctx.request("jwt", ALICE_BROWSER, () => lab.refresh(), {
    label: `Refresh the JWT, ${formatDuration(settings.sessionAbsoluteSeconds)} later`,
    note: (ex) => (ex.ok ? `Still renewable: the refresh family's absolute lifetime is ${formatDuration(settings.refreshTtlSeconds)}.` : undefined),
  });

  return {
    session:
      idleOut.status === 401 && absoluteOut.status === 401 && sessionStillIn.ok
        ? {
            headline: "Idle and absolute timeouts enforced",
            tone: "safe",
            explanation: `Left idle past ${formatDuration(idle)}: ${result(idleOut.status, idleOut.code)}. Active every ${formatDuration(plan.jumpSeconds)}: ${activeOk} requests answered 200, then past ${formatDuration(settings.sessionAbsoluteSeconds)}: ${result(absoluteOut.status, absoluteOut.code)}.`,
          }
        : { headline: "A timeout was not enforced", tone: "exposed", explanation: `Idle: ${result(idleOut.status, idleOut.code)}; absolute: ${result(absoluteOut.status, absoluteOut.code)}.` },
    jwt:
      expired.status === 401 && renewed.ok
        ? {
            headline: `Expires after ${formatDuration(access)}, refresh renews it`,
            tone: "neutral",
            explanation: `Past ${formatDuration(access)}: ${result(expired.status, expired.code)}; refresh: ${result(renewed.status)}. The refresh token kept renewing it after the session's idle (${result(idleRefresh.status, idleRefresh.code)}) and absolute (${result(lateRefresh.status, lateRefresh.code)}) limits: its own limits are ${formatDuration(settings.refreshIdleSeconds)} idle and ${formatDuration(settings.refreshTtlSeconds)} absolute.`,
          }
        : { headline: "Expiry did not behave as expected", tone: "exposed", explanation: `Past exp: ${result(expired.status, expired.code)}; refresh: ${result(renewed.status, renewed.code)}.` },
  };
}
