import "server-only";
import { decodeJwt } from "../scenarios/jwt-parts";
import { parseAuthorization } from "../auth/bearer";
import { cookieNames } from "../auth/cookies";
import { services } from "../auth/services";
import type { RequestContext } from "../http/request-context";
import { EVENTS_PER_LAB } from "../stores/event-store";
import { labDenylistStore } from "../stores/store-fault";
import { DEMO_USERS } from "../users/demo-users";
import type { AccessAfterLogoutFacts } from "./checks/access-after-logout";
import type { ForgedAdminFacts } from "./checks/forged-admin";
import type { IdleTimeoutFacts } from "./checks/outlive-idle-timeout";
import type { RoleChangeFacts } from "./checks/role-change-reaches-jwt";
import type { TokenViaScriptFacts } from "./checks/token-via-script";

/**
 * What the server itself sees in the lab, for each check: its own verification of a token with the
 * lab's keys, its stores (refresh families, denylist, events, users, sessions) and the credentials
 * the check request carries. Nothing here takes the browser's word for anything.
 */

/** Enough families to find a logout among a user's logins (a lab keeps at most LAB_MAX_FAMILIES). */
const FAMILIES_PER_USER = 200;

/** The kinds of the lab's security events, newest first. */
export async function labEventKinds(ctx: RequestContext): Promise<string[]> {
  return (await services().events.list(ctx.lab.id, null, EVENTS_PER_LAB)).map((e) => e.kind);
}

export async function forgedAdminFacts(ctx: RequestContext, token: string): Promise<ForgedAdminFacts> {
  const { jwt, users } = services();
  const verified = await jwt.verify(token, ctx.auth);
  const payload = decodeJwt(token).payload;
  // Whose token it claims to be: a real admin's token, altered, raises nobody.
  const sub = typeof payload?.sub === "string" && payload.sub.length <= 64 ? payload.sub : null;
  const subject = sub ? await users.findById(ctx.lab.id, sub) : null;
  return { labId: ctx.lab.id, payload, verdict: verified.ok ? { ok: true } : { ok: false, code: verified.code }, subjectRole: subject?.role ?? null };
}

export async function accessAfterLogoutFacts(ctx: RequestContext, token: string): Promise<AccessAfterLogoutFacts> {
  const { jwt, refresh } = services();
  // The full verdict of a protected route (denylist included), for this token alone: no cookie of the request.
  const verdict = await jwt.authenticate({ cookies: {}, authorization: `Bearer ${token}` }, ctx.auth);
  if (!verdict.ok) return { verdict: { ok: false, code: verdict.code }, families: [] };
  const verified = await jwt.verify(token, ctx.auth);
  if (!verified.ok) return { verdict: { ok: false, code: verified.code }, families: [] };
  const { claims } = verified;
  const families = await refresh.listFamilies(ctx.lab.id, [claims.sub], FAMILIES_PER_USER);
  return { verdict: { ok: true, email: claims.email, issuedAtMs: claims.iat_ms ?? claims.iat * 1000 }, families };
}

export async function tokenViaScriptFacts(ctx: RequestContext, token: string): Promise<TokenViaScriptFacts> {
  const verified = await services().jwt.verify(token, ctx.auth);
  return {
    verdict: verified.ok ? { ok: true, email: verified.claims.email, sameLab: verified.claims.lab === ctx.lab.id } : { ok: false, code: verified.code },
    jwtStorage: ctx.auth.settings.jwtStorage,
  };
}

/** The pasted token, else the access token the check request itself carries (Bearer header, else the access cookie). */
function requestAccessToken(ctx: RequestContext, pasted: string | null): string | null {
  if (pasted) return pasted;
  const header = parseAuthorization(ctx.input.authorization);
  if (header.scheme === "bearer") return header.token ?? null;
  return ctx.input.cookies[cookieNames().access] ?? null;
}

function startingRole(email: string): string {
  return DEMO_USERS.find((demo) => demo.email === email)?.role ?? "user";
}

export async function roleChangeFacts(ctx: RequestContext, pasted: string | null): Promise<RoleChangeFacts> {
  const token = requestAccessToken(ctx, pasted);
  if (!token) return { verdict: { ok: false, code: "NO_TOKEN" }, user: null };
  const { jwt, users } = services();
  const verified = await jwt.verify(token, ctx.auth);
  if (!verified.ok) return { verdict: { ok: false, code: verified.code }, user: null };
  if (verified.claims.lab !== ctx.lab.id) return { verdict: { ok: false, code: "CREDENTIAL_OTHER_LAB" }, user: null };
  const row = await users.findById(ctx.lab.id, verified.claims.sub);
  return {
    verdict: { ok: true, claimRole: verified.claims.role, email: verified.claims.email },
    user: row ? { role: row.role, startingRole: startingRole(row.email) } : null,
  };
}

export async function denylistEntries(ctx: RequestContext): Promise<number> {
  // Through the lab's view of the store: with its outage switch on, this refuses like every other lookup.
  return (await labDenylistStore(services().denylist, ctx.auth.settings).list(ctx.lab.id, ctx.auth.now)).length;
}

export async function idleTimeoutFacts(ctx: RequestContext): Promise<IdleTimeoutFacts> {
  const base = { nowMs: ctx.auth.now, sessionIdleSeconds: ctx.auth.settings.sessionIdleSeconds };
  const verdict = await ctx.authenticate({ mode: "session" });
  if (!verdict.ok) return { ...base, session: { ok: false, code: verdict.code } };
  const record = await services().sessionStores.active(ctx.auth.settings).get(ctx.lab.id, verdict.credential.handle);
  if (!record) return { ...base, session: { ok: false, code: "SESSION_NOT_FOUND" } };
  return { ...base, session: { ok: true, createdAtMs: record.createdAt.getTime(), lastSeenAtMs: record.lastSeenAt.getTime(), idleExpiresAtMs: record.idleExpiresAt.getTime() } };
}
