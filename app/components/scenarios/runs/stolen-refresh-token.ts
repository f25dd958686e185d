"use client";

import { formatDuration } from "@/lib/scenarios/format";
import { lab, type LabExchange } from "../../lab/lab-client";
import type { RunContext, Verdicts } from "../run-context";
import type { CaptureBody, StateBody } from "./bodies";
import { ALICE, ALICE_BROWSER, callApi, logIn, moveClock, readClock, readSettings, restoreClockAfterwards, result } from "./common";

/** Scenario 6: a stolen refresh token meets rotation and reuse detection; a stolen session cookie meets nothing. */
export async function stolenRefreshToken(ctx: RunContext): Promise<Verdicts> {
  const settings = await readSettings(ctx);
  const clock = await readClock(ctx);
  await logIn(ctx, "session");
  await logIn(ctx, "jwt");
  const copy = await ctx.request("lab", "Attacker", () => lab.capture("lab") as Promise<LabExchange<CaptureBody>>, {
    label: "Steal a copy of Alice's cookies (the server keeps it for the replays)",
    require: [200],
  });
  const id = copy.body!.captureId;

  // Session: the copy and the original live side by side.
  const thiefSession = await ctx.replay("session", id, "session", { label: "The attacker uses the copied session cookie", note: (o) => (o.status === 200 ? `Accepted as ${ALICE.email}.` : undefined) });
  const ownerSession = await callApi(ctx, "session", { label: "Alice keeps using her session", note: (ex) => (ex.ok ? "Also accepted: two holders of one session, and nothing tells them apart." : undefined) });

  // JWT: the owner rotates, the thief replays the spent token.
  await ctx.request("jwt", ALICE_BROWSER, () => lab.refresh(), {
    label: "Alice's client refreshes as usual",
    require: [200],
    note: () => "Rotation: the refresh token is spent and replaced; the attacker's copy is now a spent token.",
  });
  if (settings.refreshGraceSeconds > 0) {
    const grace = formatDuration(settings.refreshGraceSeconds);
    await ctx.replay("jwt", id, "refresh", {
      label: `Within ${grace}, the spent refresh token is presented again (a retry whose answer was lost — or the copy)`,
      note: (o) =>
        o.status === 200
          ? `Handed the same successor, not a new one: inside the grace window the server cannot tell a lost answer from a copy, so it gives back the one live token rather than log anyone out. Still only one live token: the family did not fork. That is why the window is short.`
          : undefined,
    });
  }
  if (settings.refreshGraceSeconds > 0) {
    if (!clock.enabled) {
      ctx.observe("lab", "Demo clock", "The demo clock is off", { note: `The copy will be replayed within the ${formatDuration(settings.refreshGraceSeconds)} grace window, which counts as a retry: it gets the same successor back.` });
    } else {
      restoreClockAfterwards(ctx, clock);
      await moveClock(ctx, clock, settings.refreshGraceSeconds + 10, `A spent token presented within ${formatDuration(settings.refreshGraceSeconds)} counts as a retry (a second tab, a lost answer); later, it can only be theft.`);
    }
  }
  const thief = await ctx.replay("jwt", id, "refresh", {
    label: "The attacker presents the copied (now spent) refresh token",
    note: (o) => (o.status === 401 ? "A single-use token used twice: the server revokes the whole family." : undefined),
  });
  const state = await ctx.request("jwt", ALICE_BROWSER, () => lab.state() as Promise<LabExchange<StateBody>>, {
    label: "Read the server's state: events and refresh families",
    require: [200],
  });
  const event = state.body?.events.find((e) => e.kind === "REFRESH_TOKEN_REUSED" && e.userEmail === ALICE.email);
  const family = event?.familyId ? state.body?.families.find((f) => f.id === event.familyId) : undefined;
  ctx.observe("jwt", "Server", event ? "Security event recorded: REFRESH_TOKEN_REUSED" : "No reuse event found", {
    where: "from the server state read above",
    note: family ? `Family ${family.id.slice(0, 8)}… revoked (${family.revokeReason ?? "?"}): every token in it is dead, the thief's and Alice's alike.` : undefined,
    detail: event
      ? [`${event.at}  ${event.kind}  user ${event.userEmail ?? "?"}  family ${event.familyId?.slice(0, 8) ?? "?"}…`, ...(family?.tokens.map((t, i) => `  token ${i + 1} (${t.hashPrefix}…): ${t.status}${t.parentId ? "" : "  ← the first one, stolen"}`) ?? [])].join("\n")
      : undefined,
  });
  const owner = await ctx.request("jwt", ALICE_BROWSER, () => lab.refresh(), {
    label: "Alice's client refreshes again",
    note: (ex) => (ex.status === 401 ? "Alice is logged out of refreshing too: both must log in again, which ends the thief's line of tokens." : undefined),
  });

  await ctx.request("session", ALICE_BROWSER, () => lab.logout("session"), { label: "Alice logs out (session)" });
  const thiefAfter = await ctx.replay("session", id, "session", { label: "The attacker uses the copied session cookie again", note: (o) => (o.status === 401 ? "Only logout (or a timeout) ended the copy." : undefined) });

  return {
    session: {
      headline: "Copy never detected",
      tone: "exposed",
      explanation: `The attacker's copy (${result(thiefSession.status, thiefSession.code)}) and Alice's own cookie (${result(ownerSession.status, ownerSession.code)}) worked side by side; a session has no rotation to notice a second holder. Only Alice's logout ended it (${result(thiefAfter.status, thiefAfter.code)}).`,
    },
    jwt:
      thief.status === 401
        ? {
            headline: "Reuse detected, family revoked",
            tone: "safe",
            explanation: `The spent copy got ${result(thief.status, thief.code)}; ${event ? "the event was recorded and " : ""}the whole family was revoked, so Alice's next refresh got ${result(owner.status, owner.code)} too. The thief's stolen line of tokens is cut; Alice's current access token lasts until its exp.`,
          }
        : { headline: "Reuse not detected", tone: "exposed", explanation: `The spent copy got ${result(thief.status, thief.code)}.` },
  };
}
