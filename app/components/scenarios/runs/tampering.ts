"use client";

import { claimSummary, decodeJwt, unsignedToken, withPayload } from "@/lib/scenarios/jwt-parts";
import { lab, type LabExchange } from "../../lab/lab-client";
import type { RunContext, Verdicts } from "../run-context";
import type { InspectBody, LoginBody, MeBody } from "./bodies";
import { ALICE, ALICE_BROWSER, callApi, logIn, result, sendToken } from "./common";

const SESSION_COOKIE = "__Host-session";

/** Scenario 4: forged JWTs and a tampered seal. */
export async function tampering(ctx: RunContext): Promise<Verdicts> {
  const login = await ctx.request("jwt", ALICE_BROWSER, () => lab.login("jwt", ALICE) as Promise<LabExchange<LoginBody>>, { label: `Log in as ${ALICE.email} (JWT)`, require: [200] });
  const token = login.body!.accessToken!;
  const { header, payload } = decodeJwt(token);
  await ctx.request("jwt", ALICE_BROWSER, () => sendToken("jwt", "Send the token as issued", token, "the token as issued"), {
    detail: () => `header { ${Object.entries(header ?? {}).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")} }\npayload { ${claimSummary(payload)} }`,
    note: (ex: LabExchange<MeBody>) => (ex.ok ? `Accepted, role ${ex.body?.user?.role ?? "?"}.` : undefined),
  });

  const forged = withPayload(token, { ...payload, role: "admin" });
  const edited = await ctx.request("jwt", "Attacker", () => sendToken("jwt", "Send the token with its payload edited to role: admin", forged, "payload edited, old signature"), {
    detail: () => `payload { ${claimSummary(decodeJwt(forged).payload)} } — header and signature unchanged`,
    note: (ex) => (ex.status === 401 ? "Refused: the signature was computed over the original payload, and only the server's key can make a new one." : `Answered ${result(ex.status, ex.code)}.`),
  });

  const none = unsignedToken(token, { ...payload, role: "admin" });
  const unsigned = await ctx.request("jwt", "Attacker", () => sendToken("jwt", "Send an unsigned token: alg none, role: admin, no signature", none, "alg: none token"), {
    detail: () => `header { ${Object.entries(decodeJwt(none).header ?? {}).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")} } — signature empty`,
    note: (ex) => (ex.status === 401 ? "Refused: the server accepts exactly one algorithm, pinned to its key; 'none' is not it." : `Answered ${result(ex.status, ex.code)}.`),
  });

  await logIn(ctx, "session");
  await callApi(ctx, "session");
  await ctx.request("session", "Attacker", () => lab.tamperSession(), {
    label: "Flip one character of the session cookie's seal",
    require: [200],
    note: () => "HttpOnly: a page script cannot write this cookie, so the server flips the character and hands the cookie back — the browser now holds a tampered seal.",
    detail: (ex) => {
      const b = ex.body as { before?: string; changedPart?: number } | null;
      return b?.before ? `seal: ${b.before} (parts separated by *)\none character changed in part ${b.changedPart ?? "?"}: the seal's HMAC` : undefined;
    },
  });
  const sealed = await callApi(ctx, "session", {
    label: "Call the protected API with the tampered seal",
    note: (ex) => {
      const cleared = ex.trace?.cookies?.some((c) => c.name === SESSION_COOKIE && c.action === "clear");
      return ex.status === 401 ? `Refused: the seal's HMAC does not match${cleared ? ", and the response clears the cookie" : ""}.` : `Answered ${result(ex.status, ex.code)}.`;
    },
  });
  const inspect = await ctx.request("session", ALICE_BROWSER, () => lab.inspect("session") as Promise<LabExchange<InspectBody>>, {
    label: "Look at what the browser sends now",
    require: [200],
    note: (ex) => (ex.body?.cookies[SESSION_COOKIE]?.sent ? `The browser still sends ${SESSION_COOKIE}.` : `The browser no longer sends ${SESSION_COOKIE}: it was cleared.`),
  });
  const cleared = inspect.body?.cookies[SESSION_COOKIE]?.sent === false;

  const jwtRefused = edited.status === 401 && unsigned.status === 401;
  return {
    session:
      sealed.status === 401
        ? { headline: "Tampered seal refused", tone: "safe", explanation: `One flipped character gave ${result(sealed.status, sealed.code)}${cleared ? ", and the cookie was cleared so the browser stops sending it" : ""}. The seal is encrypted and authenticated: no part of it can be changed unnoticed.` }
        : { headline: "Tampered seal accepted", tone: "exposed", explanation: `The tampered seal got ${result(sealed.status, sealed.code)}.` },
    jwt: jwtRefused
      ? { headline: "Every forgery refused", tone: "safe", explanation: `role: admin with the old signature got ${result(edited.status, edited.code)}; alg: none got ${result(unsigned.status, unsigned.code)}. Anyone can read and edit a JWT's payload — it is only base64url — but not re-sign it.` }
      : { headline: "A forgery got through", tone: "exposed", explanation: `Edited payload: ${result(edited.status, edited.code)}; alg none: ${result(unsigned.status, unsigned.code)}.` },
  };
}
