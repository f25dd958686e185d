import { isInspectedCookie, type DecodedJwtView, type InspectReport, type SessionCookieDecoded } from "@/lib/auth/inspect-view";
import type { PaneMode } from "./lab-client";

/** Who a pane's credential proves, as the server decoded it on the pane's last inspect call. */
export interface PaneIdentity {
  email: string;
  role: string;
  expiresAt: string | null;
  /** Whether the server accepts the credential right now (an expired or revoked JWT still decodes). */
  accepted: boolean;
  note: string;
}

function sessionIdentity(report: InspectReport): PaneIdentity | null {
  const cookie = Object.entries(report.cookies).find(([name]) => /session$/.test(name))?.[1];
  if (!isInspectedCookie<SessionCookieDecoded>(cookie)) return null;
  const user = cookie.decoded?.record?.user;
  const record = cookie.decoded?.record;
  if (!user || !record) return null;
  const endsAt = Math.min(Date.parse(record.idleExpiresAt), Date.parse(record.absoluteExpiresAt));
  const expiresAt = new Date(endsAt).toISOString();
  // The record outlives its timeouts until a request finds it expired: by then it proves nobody.
  const accepted = !user.disabled && endsAt > Date.parse(report.now);
  const note = user.disabled ? "the account is disabled: the server refuses this session" : accepted ? "role read from the database on every request" : "the session has timed out: the server refuses it";
  return { email: user.email, role: user.role, expiresAt, accepted, note };
}

function jwtIdentity(report: InspectReport): PaneIdentity | null {
  const cookie = Object.entries(report.cookies).find(([name]) => /access$/.test(name))?.[1];
  const decoded: DecodedJwtView | null = report.authorization?.decoded ?? (isInspectedCookie<DecodedJwtView>(cookie) ? cookie.decoded : null);
  if (!decoded?.payload) return null;
  const { email, role, exp } = decoded.payload;
  const expiresAt = typeof exp === "number" ? new Date(exp * 1000).toISOString() : null;
  const accepted = decoded.verification.ok;
  const note = decoded.verification.ok ? "role taken from the signed token, no lookup" : `the server refuses this token now: ${decoded.verification.code}`;
  return { email: String(email ?? "?"), role: String(role ?? "?"), expiresAt, accepted, note };
}

/**
 * The pane holds a session cookie the server could not check because the session store is down (or
 * the lab's outage switch is on): still signed in — nothing was cleared — just not checkable now.
 */
export function sessionStoreUnavailable(pane: PaneMode, report: InspectReport): boolean {
  if (pane !== "session") return false;
  const cookie = Object.entries(report.cookies).find(([name]) => /session$/.test(name))?.[1];
  return isInspectedCookie<SessionCookieDecoded>(cookie) && cookie.decoded?.verdict.ok === false && cookie.decoded.verdict.code === "STORE_UNAVAILABLE";
}

export function paneIdentity(pane: PaneMode, report: InspectReport): PaneIdentity | null {
  return pane === "session" ? sessionIdentity(report) : jwtIdentity(report);
}

/** How many of the pane's credentials the browser holds: the inspector opens once there is one. */
export function credentialsPresent(pane: PaneMode, report: InspectReport): number {
  const names = Object.keys(report.cookies).filter((name) => (pane === "session" ? /session$/.test(name) : /(access|refresh)$/.test(name)));
  // (The refresh cookie never reaches the inspect endpoint — its Path — so it never counts here.)
  const cookies = names.filter((name) => report.cookies[name]?.sent).length;
  return cookies + (pane === "jwt" && report.authorization ? 1 : 0);
}
