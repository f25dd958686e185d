import "server-only";
import { appEnv } from "../config/env";
import { secrets } from "../config/secrets";
import { stores, type Stores } from "../stores/registry";
import { watchedKeySet } from "./asymmetric-keys";
import { cookieNames } from "./cookies";
import { hmacKeySet, type KeySet } from "./jwt-keys";
import { CLOCK_TOLERANCE_SECONDS, JwtStrategy, MAX_TOKEN_AGE_SECONDS } from "./jwt-strategy";
import { RefreshTokenService } from "./refresh-tokens";
import { SessionStrategy } from "./session-strategy";
import type { AuthMode, AuthStrategy } from "./types";

export interface AuthServices extends Stores {
  session: SessionStrategy;
  jwt: JwtStrategy;
  refreshTokens: RefreshTokenService;
  /** The JWT key set in force now (rotates for ES256/EdDSA). */
  jwtKeys: () => Promise<KeySet>;
  /** The strategy of a mode: the one place a mode turns into code. */
  strategy(mode: AuthMode): AuthStrategy;
}

function build(): AuthServices {
  const env = appEnv();
  const { sessionPasswords, jwtSecrets } = secrets();
  const all = stores();
  const names = cookieNames();
  const refreshTokens = new RefreshTokenService({ store: all.refresh, events: all.events, sealPasswords: sessionPasswords, maxFamiliesPerLab: env.labs.maxFamilies });
  let keySet: Promise<KeySet> | undefined;
  // HS256 keys are fixed for the life of the process; ES256/EdDSA keys rotate through a shared file.
  const keys =
    env.jwtAlgorithm === "HS256"
      ? () => (keySet ??= hmacKeySet(jwtSecrets.keys, jwtSecrets.current))
      : watchedKeySet(env.jwtKeysFile, env.jwtAlgorithm, env.isProduction, MAX_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS);
  const session = new SessionStrategy({ stores: all.sessionStores, users: all.users, sealPasswords: sessionPasswords, cookieName: names.session, maxSessionsPerLab: env.labs.maxSessions });
  const jwt = new JwtStrategy({
    keys,
    refresh: refreshTokens,
    denylist: all.denylist,
    users: all.users,
    issuer: env.jwtIssuer,
    audience: env.jwtAudience,
    cookieNames: { access: names.access, refresh: names.refresh },
  });
  return { ...all, session, jwt, refreshTokens, jwtKeys: keys, strategy: (mode) => (mode === "session" ? session : jwt) };
}

const globalForServices = globalThis as unknown as { authlabServices?: AuthServices };

/** The app's one set of strategies and stores (kept on globalThis so dev hot reload reuses it). */
export function services(): AuthServices {
  globalForServices.authlabServices ??= build();
  return globalForServices.authlabServices;
}
