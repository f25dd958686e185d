import "server-only";
import { appEnv } from "../config/env";
import { databaseKind } from "../db/database-url";
import type { Settings } from "../settings/schema";
import { availableSessionStores } from "../settings/settings";
import type { StoreKind } from "./types";

/** What switching the session store does, for the lab to show next to the switch. */
export const SESSION_STORE_SWITCH_EXPLANATION =
  "Switching (an operator's action, for every lab) moves no session. Existing sessions stay in the store that created them, so their cookies " +
  "get 401 SESSION_NOT_FOUND while another store is active, and work again when you switch back (if " +
  "they have not expired meanwhile). New logins go to the new store. Logging out still deletes a " +
  "session in the store that created it, and \"log out everywhere\", a password change or an admin " +
  "revoke clears every store, so switching back never revives a session that was ended.";

function describeKinds(): Record<StoreKind, string> {
  const db = databaseKind() === "postgres" ? "PostgreSQL" : "SQLite";
  return {
    memory: "This server process's memory: fastest, lost on restart, invisible to every other instance.",
    database: `The app's database (${db}): survives restarts; every instance on the same database shares it.`,
    redis: "Redis: shared by every instance, survives app restarts; one network round trip per lookup.",
  };
}

/** Where each kind of state lives on this server, and what the session-store switch means. */
export function storeInfo(settings: Pick<Settings, "sessionStore">) {
  const env = appEnv();
  return {
    session: {
      active: settings.sessionStore,
      default: env.stores.session,
      available: availableSessionStores(),
      switching: SESSION_STORE_SWITCH_EXPLANATION,
    },
    denylist: env.stores.denylist,
    rateLimit: env.stores.rateLimit,
    /** Users, refresh-token families and settings always live here. */
    database: databaseKind(),
    kinds: describeKinds(),
  };
}

/** What `storeInfo` answers (GET /api/settings, GET /api/operator/settings). */
export type StoreInfo = ReturnType<typeof storeInfo>;
