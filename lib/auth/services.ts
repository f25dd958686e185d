import "server-only";
import { appEnv } from "../config/env";
import { secrets } from "../config/secrets";
import { getPrisma } from "../db/client";
import { MemorySessionStore } from "../stores/memory-session-store";
import { PrismaDenylistStore } from "../stores/prisma-denylist-store";
import { PrismaSessionStore } from "../stores/prisma-session-store";
import type { DenylistStore, SessionStore } from "../stores/types";
import { UserRepository } from "../users/users";
import { cookieNames } from "./cookies";
import { hmacKeySet, type KeySet } from "./jwt-keys";
import { JwtStrategy } from "./jwt-strategy";
import { RefreshTokenService } from "./refresh-tokens";
import { SessionStrategy } from "./session-strategy";

export interface AuthServices {
  session: SessionStrategy;
  jwt: JwtStrategy;
  sessionStore: SessionStore;
  denylist: DenylistStore;
  users: UserRepository;
  refresh: RefreshTokenService;
}

function sessionStoreFromEnv(): SessionStore {
  const kind = process.env.SESSION_STORE ?? "database";
  if (kind === "memory") return new MemorySessionStore();
  return new PrismaSessionStore(getPrisma());
}

function build(): AuthServices {
  const env = appEnv();
  const { sessionPasswords, jwtSecrets } = secrets();
  const db = getPrisma();
  const names = cookieNames();
  const users = new UserRepository(db);
  const sessionStore = sessionStoreFromEnv();
  const denylist = new PrismaDenylistStore(db);
  const refresh = new RefreshTokenService(db);
  let keySet: Promise<KeySet> | undefined;
  return {
    users,
    sessionStore,
    denylist,
    refresh,
    session: new SessionStrategy({ store: sessionStore, users, sealPasswords: sessionPasswords, cookieName: names.session }),
    jwt: new JwtStrategy({
      keys: () => (keySet ??= hmacKeySet(jwtSecrets.keys, jwtSecrets.current)),
      refresh,
      denylist,
      users,
      issuer: env.jwtIssuer,
      audience: env.jwtAudience,
      cookieNames: { access: names.access, refresh: names.refresh },
    }),
  };
}

const globalForServices = globalThis as unknown as { authlabServices?: AuthServices };

/** The app's one set of strategies and stores (kept on globalThis so dev hot reload reuses it). */
export function services(): AuthServices {
  globalForServices.authlabServices ??= build();
  return globalForServices.authlabServices;
}
