"use client";

import { lab, type LabExchange } from "../../lab/lab-client";
import type { RunContext, Verdicts } from "../run-context";
import type { CaptureBody } from "./bodies";
import { ALICE, ALICE_BROWSER, callApi, result } from "./common";

function capture(ctx: RunContext, label: string): Promise<LabExchange<CaptureBody>> {
  return ctx.request("lab", "Lab", () => lab.capture("lab") as Promise<LabExchange<CaptureBody>>, {
    label,
    require: [200],
    note: (ex) => `Session id (hash prefix): ${ex.body?.preview.sessionIdPrefix ?? "none"}…; JWT jti: ${ex.body?.preview.jti ?? "none"}.`,
  });
}

/** Scenario 9: a login over a session id that was already in the browser. */
export async function sessionFixation(ctx: RunContext): Promise<Verdicts> {
  await ctx.request("session", ALICE_BROWSER, () => lab.login("session", ALICE), {
    label: "Get a session cookie before this login (one an attacker could have planted)",
    require: [200],
  });
  await ctx.request("jwt", ALICE_BROWSER, () => lab.login("jwt", ALICE), { label: "Get a JWT before this login", require: [200] });
  const before = await capture(ctx, "Note the credentials held before the login (the server keeps a copy)");

  const login = await ctx.request("session", ALICE_BROWSER, () => lab.login("session", ALICE), {
    label: `Alice logs in (session) — the browser sends the old cookie along`,
    require: [200],
    note: (ex) => (ex.trace?.steps.some((s) => s.name === "fixation-defence") ? "The trace shows the server deleting the pre-login session before creating a new one." : undefined),
  });
  await ctx.request("jwt", ALICE_BROWSER, () => lab.login("jwt", ALICE), { label: "Alice logs in (JWT)", require: [200] });
  const after = await capture(ctx, "Note the credentials held after the login");

  const idBefore = before.body!.preview.sessionIdPrefix;
  const idAfter = after.body!.preview.sessionIdPrefix;
  const jtiBefore = before.body!.preview.jti;
  const jtiAfter = after.body!.preview.jti;
  ctx.observe("session", "Lab", idBefore !== idAfter ? "Compare the session ids: they differ" : "Compare the session ids: the same!", { detail: `before login: ${idBefore ?? "none"}…\nafter login:  ${idAfter ?? "none"}…` });
  const old = await ctx.replay("session", before.body!.captureId, "session", {
    label: "Replay the pre-login session cookie",
    note: (o) => (o.status === 401 ? "Dead: whoever planted it holds nothing." : `Still accepted (${result(o.status, o.code)}).`),
  });
  const current = await callApi(ctx, "session", { note: (ex) => (ex.ok ? "Alice's new session works." : undefined) });

  ctx.observe("jwt", "Lab", jtiBefore !== jtiAfter ? "Compare the JWT ids (jti): they differ" : "Compare the JWT ids (jti): the same!", { detail: `before login: ${jtiBefore ?? "none"}\nafter login:  ${jtiAfter ?? "none"}` });
  const oldJwt = await ctx.replay("jwt", before.body!.captureId, "access", {
    label: "Replay the pre-login access token",
    note: (o) => (o.status === 200 ? "Still valid until its exp: a new login does not end other tokens — but it never adopts one either." : undefined),
  });

  return {
    session:
      idBefore !== idAfter && old.status === 401 && login.ok && current.ok
        ? { headline: "New id at login, old one dead", tone: "safe", explanation: `The id changed at login (${idBefore ?? "none"}… → ${idAfter ?? "none"}…) and the pre-login cookie got ${result(old.status, old.code)}: a planted session id is worthless.` }
        : { headline: "Fixation possible", tone: "exposed", explanation: `Ids before/after: ${idBefore ?? "none"} / ${idAfter ?? "none"}; pre-login cookie: ${result(old.status, old.code)}.` },
    jwt: {
      headline: jtiBefore !== jtiAfter ? "Fresh token at login, nothing to fix" : "Same token after login",
      tone: jtiBefore !== jtiAfter ? "safe" : "exposed",
      explanation: `The login minted a new token (jti ${jtiBefore?.slice(0, 8) ?? "none"}… → ${jtiAfter?.slice(0, 8) ?? "none"}…); the server keeps no id a browser could plant. The earlier token still answered ${result(oldJwt.status, oldJwt.code)}: logging in again does not end other tokens before their exp.`,
    },
  };
}
