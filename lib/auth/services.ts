import "server-only";
import { appEnv } from "../config/env";
import { secrets } from "../config/secrets";
import { getPrisma } from "../db/client";
import { getHotReads } from "../db/hot-reads";
import { MemorySessionStore } from "../stores/memory-session-store";
import { PrismaDenylistStore } from "../stores/prisma-denylist-store";
import { PrismaSessionStore } from "../stores/prisma-session-store";
import type { DenylistStore, SessionStore } from "../stores/types";
import { UserRepository } from "../users/users";
import { cookieNames } from "./cookies";
import { hmacKeySet, type KeySet } from "./jwt-keys";
import { CLOCK_TOLERANCE_SECONDS, JwtStrategy, MAX_TOKEN_AGE_SECONDS } from "./jwt-strategy";
import { watchedKeySet } from "./asymmetric-keys";
import { RefreshTokenService } from "./refresh-tokens";
import { SessionStrategy } from "./session-strategy";

export interface AuthServices {
  session: SessionStrategy;
  jwt: JwtStrategy;
  sessionStore: SessionStore;
  denylist: DenylistStore;
  users: UserRepository;
  refresh: RefreshTokenService;
  /** The JWT key set in force now (rotates for ES256/EdDSA). */
  jwtKeys: () => Promise<KeySet>;
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
  const users = new UserRepository(db, getHotReads());
  const sessionStore = sessionStoreFromEnv();
  const denylist = new PrismaDenylistStore(db);
  const refresh = new RefreshTokenService(db);
  let keySet: Promise<KeySet> | undefined;
  // HS256 keys are fixed for the life of the process; ES256/EdDSA keys rotate through a shared file.
  const keys =
    env.jwtAlgorithm === "HS256"
      ? () => (keySet ??= hmacKeySet(jwtSecrets.keys, jwtSecrets.current))
      : watchedKeySet(env.jwtKeysFile, env.jwtAlgorithm, env.isProduction, MAX_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS);
  return {
    jwtKeys: keys,
    users,
    sessionStore,
    denylist,
    refresh,
    session: new SessionStrategy({ store: sessionStore, users, sealPasswords: sessionPasswords, cookieName: names.session }),
    jwt: new JwtStrategy({
      keys,
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
