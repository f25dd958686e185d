import "server-only";
import { pageContext, verifyRequest } from "@/lib/auth/dal";
import { appEnv } from "@/lib/config/env";
import { AUTH_MODES, type AuthMode } from "@/lib/auth/types";
import { defaultLabSettings, defaultServerSettings } from "@/lib/settings/settings";
import type { Settings } from "@/lib/settings/schema";

export interface HeaderIdentity {
  email: string;
  role: string;
}

export interface HeaderState {
  identities: Record<AuthMode, HeaderIdentity | null>;
  /** The settings in force when the page rendered, and their defaults; null when the server could not tell. */
  settings: Settings | null;
  defaults: Settings;
  /** Whose lab this page is in: its public id, and whether it is the server's shared default lab. */
  lab: { id: string; isDefault: boolean; idleSeconds: number } | null;
}

/**
 * What the header says on every page: who this browser is signed in as with each strategy, and which
 * settings are not at their defaults. A store that is down must not take every page with it, so an
 * error here only means the header does not know.
 */
export async function readHeaderState(activeMode: AuthMode): Promise<HeaderState> {
  const identities: HeaderState["identities"] = { session: null, jwt: null };
  let settings: Settings | null = null;
  let lab: HeaderState["lab"] = null;
  for (const mode of AUTH_MODES) {
    try {
      // The active mode through the very call a page makes (`verifyRequest()`, cached per request), so
      // that a page showing its trace — the dashboard — shows this first, real check, not a repeat.
      const { result, ctx } = await (mode === activeMode ? verifyRequest() : verifyRequest(mode));
      settings = ctx.auth.settings;
      lab = { id: ctx.lab.id, isDefault: ctx.lab.isDefault, idleSeconds: appEnv().labs.idleSeconds };
      if (result.ok) identities[mode] = { email: result.user.email, role: result.user.role };
    } catch {
      identities[mode] = null;
      // The credential could not be checked (its store is down, or the lab's outage switch is on):
      // the lab and its settings are still known, and the header must say what is in force.
      const ctx = await pageContext(mode).catch(() => null);
      if (ctx) {
        settings = ctx.auth.settings;
        lab = { id: ctx.lab.id, isDefault: ctx.lab.isDefault, idleSeconds: appEnv().labs.idleSeconds };
      }
    }
  }
  return { identities, settings, defaults: { ...defaultLabSettings(), ...defaultServerSettings() }, lab };
}
