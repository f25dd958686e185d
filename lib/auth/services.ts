import "server-only";
import { appEnv } from "../config/env";
import { secrets } from "../config/secrets";
import { getPrisma } from "../db/client";
import { getHotReads } from "../db/hot-reads";
import { MemorySessionStore } from "../stores/memory-session-store";
import { PrismaDenylistStore } from "../stores/prisma-denylist-store";
import { PrismaSessionStore } from "../stores/prisma-session-store";
import { RedisDenylistStore } from "../stores/redis-denylist-store";
import { redisBackend } from "../stores/redis-connection";
import { RedisSessionStore } from "../stores/redis-session-store";
import { sessionStoreProvider, type SessionStoreProvider } from "../stores/session-store-provider";
import type { DenylistStore, SessionStore, StoreKind } from "../stores/types";
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
  /** The session stores this server has; `sessionStores.active(settings)` is the one in force. */
  sessionStores: SessionStoreProvider;
  denylist: DenylistStore;
  users: UserRepository;
  refresh: RefreshTokenService;
  /** The JWT key set in force now (rotates for ES256/EdDSA). */
  jwtKeys: () => Promise<KeySet>;
}

/**
 * Every session store this server can switch between: memory and the database always, Redis when
 * REDIS_URL is set. Requests use the one the `sessionStore` setting names (SESSION_STORE by default).
 */
function sessionStoresFromEnv(): SessionStoreProvider {
  const env = appEnv();
  const stores: Partial<Record<StoreKind, SessionStore>> = {
    memory: new MemorySessionStore(),
    database: new PrismaSessionStore(getPrisma(), getHotReads()),
  };
  if (env.redisUrl) stores.redis = new RedisSessionStore(redisBackend());
  return sessionStoreProvider(stores, env.stores.session);
}

function denylistFromEnv(): DenylistStore {
  return appEnv().stores.denylist === "redis" ? new RedisDenylistStore(redisBackend()) : new PrismaDenylistStore(getPrisma());
}

function build(): AuthServices {
  const env = appEnv();
  const { sessionPasswords, jwtSecrets } = secrets();
  const db = getPrisma();
  const names = cookieNames();
  const users = new UserRepository(db, getHotReads());
  const sessionStores = sessionStoresFromEnv();
  const denylist = denylistFromEnv();
  const refresh = new RefreshTokenService(db, sessionPasswords);
  let keySet: Promise<KeySet> | undefined;
  // HS256 keys are fixed for the life of the process; ES256/EdDSA keys rotate through a shared file.
  const keys =
    env.jwtAlgorithm === "HS256"
      ? () => (keySet ??= hmacKeySet(jwtSecrets.keys, jwtSecrets.current))
      : watchedKeySet(env.jwtKeysFile, env.jwtAlgorithm, env.isProduction, MAX_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS);
  return {
    jwtKeys: keys,
    users,
    sessionStores,
    denylist,
    refresh,
    session: new SessionStrategy({ stores: sessionStores, users, sealPasswords: sessionPasswords, cookieName: names.session }),
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
