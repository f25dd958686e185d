import "server-only";
import { bearerToken } from "./bearer";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { CLOCK_TOLERANCE_SECONDS } from "./jwt-strategy";
import { cookieAttributes, cookieNames } from "./cookies";
import { services } from "./services";
import type { RequestContext } from "../http/request-context";
import type { CookieAttributesView, DecodedJwtView, InspectReport, SessionCookieDecoded } from "./inspect-view";
import { StoreUnavailableError } from "../errors";
import type { AuthContext, AuthResult, CookieAttributes } from "./types";

type DecodedJwt = DecodedJwtView;

export function decodeJwtParts(token: string): Omit<DecodedJwt, "verification"> {
  const parts = token.split(".");
  let header: Record<string, unknown> | null = null;
  let payload: Record<string, unknown> | null = null;
  try {
    header = { ...decodeProtectedHeader(token) };
  } catch {
    header = null;
  }
  try {
    payload = { ...decodeJwt(token) };
  } catch {
    payload = null;
  }
  return { header, payload, signature: parts.length === 3 ? (parts[2] ?? null) : null };
}

async function inspectJwt(token: string, ctx: AuthContext): Promise<DecodedJwt> {
  // Signature and claims only, like the strategy's own verify; the lab claim is shown as decoded.
  const verified = await services().jwt.verify(token, ctx);
  return { ...decodeJwtParts(token), verification: verified.ok ? { ok: true } : { ok: false, code: verified.code, detail: verified.detail } };
}

/**
 * What the server received on this request, decoded as far as the server can, without any raw
 * secret. The session cookie is authenticated read-only (no sliding write) by the session strategy
 * itself — the inspector never unseals or looks anything up on its own — and the record it found is
 * read back for display.
 */
export async function inspectRequest(ctx: RequestContext): Promise<Omit<InspectReport, "mode">> {
  const names = cookieNames();
  const { input } = ctx;
  const { sessionStores } = services();
  const sessionStore = sessionStores.active(ctx.auth.settings);

  const sessionCookie = input.cookies[names.session];
  let sessionView: SessionCookieDecoded | null = null;
  if (sessionCookie) {
    // A session store that is down (or the lab's outage switch) is this cookie's verdict, not the
    // whole report's: the JWT beside it is still decoded and checked, and the pane can say "still
    // signed in, the store cannot be asked" instead of "not signed in".
    const verdict: AuthResult | { ok: false; code: "STORE_UNAVAILABLE" } = await ctx.authenticate({ mode: "session" }).catch((error: unknown) => {
      if (!(error instanceof StoreUnavailableError)) throw error;
      return { ok: false, code: "STORE_UNAVAILABLE" } as const;
    });
    const record = verdict.ok ? await sessionStore.get(ctx.lab.id, verdict.credential.handle) : null;
    sessionView = {
      bytes: sessionCookie.length,
      // The browser sees only this opaque string; the token inside is never shown, only its hash prefix.
      sealPreview: `${sessionCookie.slice(0, 24)}…`,
      unsealed: verdict.ok || (verdict.code !== "SESSION_INVALID" && verdict.code !== "UNAUTHENTICATED"),
      verdict: verdict.ok ? { ok: true } : { ok: false, code: verdict.code },
      sessionIdPrefix: verdict.ok ? verdict.credential.handle.slice(0, 12) : null,
      record: record && {
        createdAt: record.createdAt.toISOString(),
        lastSeenAt: record.lastSeenAt.toISOString(),
        idleExpiresAt: record.idleExpiresAt.toISOString(),
        absoluteExpiresAt: record.absoluteExpiresAt.toISOString(),
        userAgent: record.userAgent,
        // Session mode reads the user's current role from the database on every request: show that.
        user: verdict.ok ? { email: verdict.user.email, role: verdict.user.role, disabled: false } : null,
      },
    };
  }

  const accessCookie = input.cookies[names.access];
  const bearer = bearerToken(input.authorization);
  const now = ctx.auth.now;
  const attributes = (a: CookieAttributes, maxAgeSeconds: number): CookieAttributesView => ({ httpOnly: a.httpOnly, secure: a.secure, sameSite: a.sameSite, path: a.path, maxAgeSeconds });

  return {
    now: new Date(now).toISOString(),
    lab: { id: ctx.lab.id, isDefault: ctx.lab.isDefault },
    clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
    cookies: {
      [names.session]: {
        sent: sessionCookie !== undefined,
        attributes: attributes(cookieAttributes("session", 0), ctx.auth.settings.sessionAbsoluteSeconds),
        decoded: sessionView,
      },
      [names.access]: {
        sent: accessCookie !== undefined,
        attributes: attributes(cookieAttributes("access", 0), ctx.auth.settings.accessTtlSeconds),
        decoded: accessCookie ? await inspectJwt(accessCookie, ctx.auth) : null,
      },
      [names.refresh]: {
        // Path-scoped: the browser sends it only to /api/auth/jwt/*, never here.
        sent: input.cookies[names.refresh] !== undefined,
        attributes: attributes(cookieAttributes("refresh", 0), ctx.auth.settings.refreshIdleSeconds),
        decoded: null,
      },
      [names.mode]: { sent: input.cookies[names.mode] !== undefined, value: input.cookies[names.mode] ?? null },
    },
    authorization: bearer ? { scheme: "Bearer" as const, decoded: await inspectJwt(bearer, ctx.auth) } : null,
  };
}
