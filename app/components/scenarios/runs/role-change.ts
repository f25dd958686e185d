"use client";

import { claimSummary, decodeJwt } from "@/lib/scenarios/jwt-parts";
import { lab, labFetch, type LabExchange } from "../../lab/lab-client";
import type { RunContext, Verdicts } from "../run-context";
import type { MeBody, RefreshBody } from "./bodies";
import { ALICE, adminToken, ALICE_BROWSER, callApi, logIn } from "./common";

function payloadOf(token: string | undefined): string | undefined {
  return token ? `Decoded JWT payload: { ${claimSummary(decodeJwt(token).payload)} }` : undefined;
}

/** Scenario 3: a role change seen by each strategy. */
export async function roleChange(ctx: RunContext): Promise<Verdicts> {
  const login = await logIn(ctx, "session");
  const userId = login.body!.user.id;
  const jwtLogin = await ctx.request("jwt", ALICE_BROWSER, () => lab.login("jwt", ALICE), {
    label: `Log in as ${ALICE.email} (JWT)`,
    require: [200],
    detail: (ex) => payloadOf((ex.body as { accessToken?: string } | null)?.accessToken),
  });
  let token = (jwtLogin.body as { accessToken: string }).accessToken;
  const admin = await adminToken(ctx);

  const setRole = (role: "user" | "admin") =>
    ctx.request("lab", "Admin", () => labFetch("lab", `Change ${ALICE.email}'s role to ${role}`, `/api/admin/users/${userId}`, { method: "PATCH", body: { role }, bearer: admin }), { require: [200] });
  let demoted = false;
  ctx.onCleanup("Demote Alice back to user", async () => {
    if (demoted) return;
    const again = await adminToken(ctx);
    await ctx.request("lab", "Clean-up", () => labFetch("lab", `Change ${ALICE.email}'s role back to user`, `/api/admin/users/${userId}`, { method: "PATCH", body: { role: "user" }, bearer: again }), { require: [200] });
  });
  const role = (ex: LabExchange<MeBody>) => ex.body?.user?.role ?? "(refused)";
  const refresh = async (label: string, why: string) => {
    const ex = await ctx.request("jwt", ALICE_BROWSER, () => lab.refresh() as Promise<LabExchange<RefreshBody>>, {
      label,
      require: [200],
      note: () => why,
      detail: (e) => payloadOf(e.body?.accessToken),
    });
    token = ex.body!.accessToken;
  };

  await setRole("admin");
  const sessionPromoted = await callApi(ctx, "session", { label: "Call the protected API (session) after the promotion", note: (ex) => `The session sees role ${role(ex)} at once: the role is read from the database on every request.` });
  const jwtStale = await ctx.request("jwt", ALICE_BROWSER, () => lab.me("jwt") as Promise<LabExchange<MeBody>>, {
    label: "Call the protected API (JWT) after the promotion",
    note: (ex) => `The JWT still says role ${role(ex)}: the role travels inside the signed token, minted before the change.`,
    detail: () => payloadOf(token),
  });
  await refresh("Refresh the JWT after the promotion", "A refresh mints a new token from the user's current record.");
  const jwtFresh = await callApi(ctx, "jwt", { label: "Call the protected API (JWT) after the refresh", note: (ex) => `Now role ${role(ex)}.` });

  await setRole("user");
  demoted = true;
  const sessionDemoted = await callApi(ctx, "session", { label: "Call the protected API (session) after the demotion", note: (ex) => `The session sees role ${role(ex)} at once.` });
  const jwtStaleAdmin = await ctx.request("jwt", ALICE_BROWSER, () => lab.me("jwt") as Promise<LabExchange<MeBody>>, {
    label: "Call the protected API (JWT) after the demotion",
    note: (ex) => `The JWT still says role ${role(ex)} — a demoted user keeps admin rights until the token is refreshed or expires.`,
    detail: () => payloadOf(token),
  });
  await refresh("Refresh the JWT after the demotion", "Refresh again, so no stale admin token is left behind.");
  await callApi(ctx, "jwt", { label: "Call the protected API (JWT) after the second refresh", note: (ex) => `Back to role ${role(ex)}.` });

  const sessionKeptUp = role(sessionPromoted) === "admin" && role(sessionDemoted) === "user";
  const jwtLagged = role(jwtStale) === "user" && role(jwtStaleAdmin) === "admin" && role(jwtFresh) === "admin";
  return {
    session: sessionKeptUp
      ? { headline: "Sees each change at once", tone: "safe", explanation: `Promoted: the next session request said ${role(sessionPromoted)}; demoted: ${role(sessionDemoted)}. The role is read from the user record on every request.` }
      : { headline: "Did not follow the change", tone: "exposed", explanation: `After promotion the session said ${role(sessionPromoted)}, after demotion ${role(sessionDemoted)}.` },
    jwt: jwtLagged
      ? {
          headline: "Stale role until refresh",
          tone: "exposed",
          explanation: `After the promotion the JWT still said ${role(jwtStale)}, and after the demotion it still said ${role(jwtStaleAdmin)}: the role is a claim in the signed payload, fixed when the token was minted. Only a refresh (or exp) brings it up to date.`,
        }
      : { headline: "Followed the change", tone: "neutral", explanation: `After promotion the JWT said ${role(jwtStale)}, after demotion ${role(jwtStaleAdmin)}.` },
  };
}
