"use client";

import { formatCountdown, storeQueries } from "@/lib/scenarios/format";
import { remainingMs, type ReplayOutcome } from "@/lib/scenarios/replay";
import { lab, type LabExchange } from "../../lab/lab-client";
import type { RunContext, Verdicts } from "../run-context";
import type { CaptureBody } from "./bodies";
import { ALICE_BROWSER, changeSettings, logIn, readClock, readSettings, result } from "./common";

function capture(ctx: RunContext, label: string): Promise<LabExchange<CaptureBody>> {
  return ctx.request("lab", "Attacker", () => lab.capture("lab") as Promise<LabExchange<CaptureBody>>, {
    label,
    require: [200],
    note: (ex) => {
      const c = ex.body?.captured;
      const held = c ? [c.session && "session cookie", c.access && "access token", c.refresh && "refresh token"].filter(Boolean).join(", ") : "";
      return `The server now holds a copy of: ${held || "nothing"}.`;
    },
  });
}

/** Scenario 1: what a copied credential is worth once its owner has logged out. */
export async function replayAfterLogout(ctx: RunContext): Promise<Verdicts> {
  const clock = await readClock(ctx);
  const settings = await readSettings(ctx);
  const left = (o: ReplayOutcome) => (o.expiresAt && o.trace ? formatCountdown(remainingMs(o.expiresAt, o.trace.startedAt, clock.offsetMs)) : null);

  if (settings.denylistEnabled) await changeSettings(ctx, settings, { denylistEnabled: false }, "Switch the denylist off for the first round");

  await logIn(ctx, "session");
  await logIn(ctx, "jwt");
  const first = (await capture(ctx, "Copy Alice's cookies (the server keeps the copy for the replays)")).body!.captureId;
  await ctx.replay("session", first, "session", { label: "Replay the copied session cookie while Alice is logged in", note: (o) => (o.status === 200 ? "The copy works, as the original does." : undefined) });
  await ctx.replay("jwt", first, "access", { label: "Replay the copied access token while Alice is logged in", note: (o) => (o.status === 200 ? "The copy works, as the original does." : undefined) });

  await ctx.request("session", ALICE_BROWSER, () => lab.logout("session"), { label: "Log out (session)", note: () => "The server deletes the session record." });
  await ctx.request("jwt", ALICE_BROWSER, () => lab.logout("jwt"), { label: "Log out (JWT)", note: () => "The server revokes the refresh family; the access token is not stored anywhere to delete." });

  const session = await ctx.replay("session", first, "session", {
    label: "Replay the copied session cookie after logout",
    note: (o) => (o.status === 401 ? "Dead: the record it points to is gone." : `Still accepted (${result(o.status, o.code)}).`),
  });
  const access = await ctx.replay("jwt", first, "access", {
    label: "Replay the copied access token after logout",
    note: (o) => (o.status === 200 ? `Still accepted: valid for another ${left(o) ?? "?"}, until its exp. Nothing on the server remembers it was logged out.` : `Refused (${result(o.status, o.code)}).`),
  });
  const refresh = await ctx.replay("jwt", first, "refresh", {
    label: "Replay the copied refresh token after logout",
    note: (o) => (o.status === 401 ? "Dead: logout revoked its family, so no new access token can be minted." : undefined),
  });

  // Second round: the same JWT replay with the denylist on.
  await changeSettings(ctx, { ...settings, denylistEnabled: false }, { denylistEnabled: true }, "Switch the denylist on (logout will record the token's jti)");
  await logIn(ctx, "jwt");
  const second = (await capture(ctx, "Copy Alice's new JWT cookies")).body!.captureId;
  const deniedBefore = await ctx.replay("jwt", second, "access", {
    label: "Replay the copied access token while Alice is logged in (denylist on)",
    note: (o) => (o.status === 200 ? `Accepted — but the server looked the jti up in the denylist: ${storeQueries(o.storeQueries)} on a request that used to need none.` : undefined),
  });
  await ctx.request("jwt", ALICE_BROWSER, () => lab.logout("jwt"), { label: "Log out (JWT, denylist on)", note: () => "Logout now also puts the token's jti on the denylist until its exp." });
  const denied = await ctx.replay("jwt", second, "access", {
    label: "Replay the copied access token after logout (denylist on)",
    note: (o) => (o.status === 401 ? `Dead at once — found on the denylist (${storeQueries(o.storeQueries)}).` : `Still accepted (${result(o.status, o.code)}).`),
  });

  return {
    session:
      session.status === 401
        ? {
            headline: "Dead at logout",
            tone: "safe",
            explanation: `After logout the copied cookie got ${result(session.status, session.code)}: every session request looks its record up (${storeQueries(session.storeQueries)} here), and logout deleted it.`,
          }
        : { headline: "Copy outlived logout", tone: "exposed", explanation: `After logout the copied cookie still got ${result(session.status, session.code)}.` },
    jwt:
      access.status === 200
        ? {
            headline: `Access token still valid for ${left(access) ?? "?"}`,
            tone: "exposed",
            explanation: `After logout the copied access token still got 200 with ${storeQueries(access.storeQueries)} — it is checked only by signature and exp — while the refresh token got ${result(refresh.status, refresh.code)}. With the denylist on, the copy got ${result(denied.status, denied.code)}, at the price of ${storeQueries(deniedBefore.storeQueries)} on every JWT request.`,
          }
        : {
            headline: "Access token refused after logout",
            tone: "safe",
            explanation: `After logout the copied access token got ${result(access.status, access.code)} and the refresh token ${result(refresh.status, refresh.code)}; with the denylist on, ${result(denied.status, denied.code)}.`,
          },
  };
}
