"use client";

import { storeQueries } from "@/lib/scenarios/format";
import { lab, labFetch, type LabExchange } from "../../lab/lab-client";
import type { RunContext, Verdicts } from "../run-context";
import type { MeBody } from "./bodies";
import { ALICE, adminToken, ALICE_BROWSER, callApi, logIn, readClock, result, validFor } from "./common";

/** Scenario 2: an admin revokes a user who is logged in on both strategies. */
export async function adminRevokesUser(ctx: RunContext): Promise<Verdicts> {
  const clock = await readClock(ctx);
  const login = await logIn(ctx, "session");
  const userId = login.body!.user.id;
  await logIn(ctx, "jwt");
  await callApi(ctx, "session");
  await callApi(ctx, "jwt", { clockOffsetMs: clock.offsetMs });

  const admin = await adminToken(ctx);
  await ctx.request("lab", "Admin", () => labFetch("lab", `Revoke every credential of ${ALICE.email}`, `/api/admin/users/${userId}/revoke`, { method: "POST", bearer: admin }), {
    require: [200],
    note: (ex) => `Sessions deleted and refresh families revoked${(ex.body as { denylisted?: boolean } | null)?.denylisted ? "; the denylist is on, so her access tokens are denylisted too" : ""}.`,
  });

  const session = await callApi(ctx, "session", {
    label: "Alice's next request (session)",
    note: (ex) => (ex.status === 401 ? "Dead on the very next request: the lookup finds no record." : undefined),
  });
  const jwt: LabExchange<MeBody> = await callApi(ctx, "jwt", {
    label: "Alice's next request (JWT)",
    note: (ex) =>
      ex.ok ? `Still accepted as ${ex.body?.user?.email ?? "?"}, valid for another ${validFor(ex, clock.offsetMs) ?? "?"}: the token carries its own proof and nobody asks the store.` : `Refused (${result(ex.status, ex.code)}).`,
  });
  const refresh = await ctx.request("jwt", ALICE_BROWSER, () => lab.refresh(), {
    label: "Alice's client tries to refresh",
    note: (ex) => (ex.status === 401 ? "Refused: the family is revoked, so once the access token expires she is out." : undefined),
  });

  return {
    session:
      session.status === 401
        ? { headline: "Dead on the next request", tone: "safe", explanation: `Alice's very next session request got ${result(session.status, session.code)}: each request looks the session up (${storeQueries(session.trace?.storeQueries)}), and the admin deleted it.` }
        : { headline: "Survived the revocation", tone: "exposed", explanation: `Alice's next session request got ${result(session.status, session.code)}.` },
    jwt: jwt.ok
      ? {
          headline: `Lives on until exp (${validFor(jwt, clock.offsetMs) ?? "?"})`,
          tone: "exposed",
          explanation: `After the revocation Alice's access token still got 200 with ${storeQueries(jwt.trace?.storeQueries)}; only the refresh failed (${result(refresh.status, refresh.code)}). A revoked user keeps access until the token's exp unless the denylist is on.`,
        }
      : { headline: "Refused at once", tone: "safe", explanation: `After the revocation the access token got ${result(jwt.status, jwt.code)} (the denylist is on) and the refresh ${result(refresh.status, refresh.code)}.` },
  };
}
