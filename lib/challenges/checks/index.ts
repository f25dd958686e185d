import "server-only";
import type { RequestContext } from "../../http/request-context";
import type { ChallengeId } from "../catalogue";
import { notSolved, type Decision } from "../decision";
import { accessAfterLogoutFacts, denylistEntries, forgedAdminFacts, idleTimeoutFacts, labEventKinds, roleChangeFacts, tokenViaScriptFacts } from "../evidence";
import { decideAccessAfterLogout } from "./access-after-logout";
import { decideBeatTheDenylist } from "./beat-the-denylist";
import { decideCsrfCookie } from "./csrf-cookie";
import { decideForgedAdmin } from "./forged-admin";
import { decideOutliveIdleTimeout } from "./outlive-idle-timeout";
import { decideRoleChange } from "./role-change-reaches-jwt";
import { decideSpentRefresh } from "./spent-refresh-detected";
import { decideTokenViaScript } from "./token-via-script";

/** What the learner sent to the check: a token to look at and an answer, both optional. */
export interface CheckInput {
  token: string | null;
  answer: string | null;
}

type Check = (ctx: RequestContext, input: CheckInput) => Promise<Decision>;

const needToken = (label: string): Decision => notSolved(`Paste ${label} first: this check looks at a token you give it.`);

/** Each challenge's check: gather what the server sees in the lab, then decide (pure, unit-tested). */
export const CHECKS: Record<ChallengeId, Check> = {
  "forged-admin": async (ctx, { token, answer }) => (token ? decideForgedAdmin(await forgedAdminFacts(ctx, token), answer) : needToken("your forged token")),
  "access-after-logout": async (ctx, { token, answer }) => (token ? decideAccessAfterLogout(await accessAfterLogoutFacts(ctx, token), answer) : needToken("the access token you kept")),
  "spent-refresh-detected": async (ctx, { answer }) => decideSpentRefresh({ eventKinds: await labEventKinds(ctx) }, answer),
  "token-via-script": async (ctx, { token, answer }) => (token ? decideTokenViaScript(await tokenViaScriptFacts(ctx, token), answer) : needToken("the token the script read")),
  "role-change-reaches-jwt": async (ctx, { token }) => decideRoleChange(await roleChangeFacts(ctx, token)),
  "beat-the-denylist": async (ctx, { answer }) => decideBeatTheDenylist({ entries: await denylistEntries(ctx), denylistEnabled: ctx.auth.settings.denylistEnabled }, answer),
  "outlive-idle-timeout": async (ctx) => decideOutliveIdleTimeout(await idleTimeoutFacts(ctx)),
  "csrf-cookie": async (ctx, { answer }) => decideCsrfCookie({ eventKinds: await labEventKinds(ctx) }, answer),
};

/**
 * What each challenge teaches, shown once it is solved (it would give the answer away before).
 * Server-side, like the answers: the page gets a lesson only for a challenge the server marked solved.
 */
export const LESSONS: Record<ChallengeId, string> = {
  "forged-admin":
    "Anyone can decode and edit a JWT's payload — it is only base64url — but the signature covers header and payload, and only the holder of the lab's key can make one that verifies. The server never looked at the database: the signature alone is what makes it trust role: admin. That is also why the key must stay secret.",
  "access-after-logout":
    "A JWT is checked by its signature and its exp alone: logging out revoked the refresh family and cleared the cookies, but a copy of the access token keeps working until it expires. A session cookie names a record the server looks up on every request; logout deletes the record, so every copy of the cookie dies at once.",
  "spent-refresh-detected":
    "Refresh tokens rotate: each is single use. Inside the short grace window a second use is treated as a lost answer (the same successor comes back); past it, only a copy can present a spent token, so the server revokes the whole family — the thief's successor and the owner's — and records REFRESH_TOKEN_REUSED. The owner logs in again; the thief has nothing left.",
  "token-via-script":
    "Whatever page JavaScript can read, an injected script can read: a token in localStorage (or in a variable the script can reach, or in flight) is stolen in one line and used from anywhere. HttpOnly hides a cookie from scripts — but while the page is open the script can still send requests the browser attaches the cookie to. HttpOnly stops theft, not XSS.",
  "role-change-reaches-jwt":
    "A session reads the user's role from the database on every request, so a change shows at once. A JWT carries the role it was minted with until it expires; only a new token — a refresh, a new login — picks up the change. Keep access tokens short, or revoke (denylist) when a role must drop at once.",
  "beat-the-denylist":
    "With the denylist on, every request that carries a JWT costs a store lookup of its jti (and subject), just like a session lookup: a logged-out token is refused at once. The price is the statelessness the JWT was chosen for — that is the hybrid the tour ends with.",
  "outlive-idle-timeout":
    "The idle timeout counts from the last request, not from login: each request slides it forward (sliding expiry), so an active session lives on. Only the absolute timeout ends it whatever you do — which is why a session needs both.",
  "csrf-cookie":
    "An HTML form on another site can only send fields; it cannot set a header. It can only hope the browser attaches this site's session cookie on its own — which SameSite=Lax refused on a cross-site POST, and the server's origin check refused the request before any handler ran. A Bearer header is never attached by the browser, so it cannot ride along.",
};
