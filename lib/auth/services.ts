import "server-only";
import type { JSONWebKeySet } from "jose";
import { appEnv } from "../config/env";
import { secrets } from "../config/secrets";
import { stores, type Stores } from "../stores/registry";
import { watchedKeySet } from "./asymmetric-keys";
import { cookieNames } from "./cookies";
import { hmacKeySet, type KeySet } from "./jwt-keys";
import { CLOCK_TOLERANCE_SECONDS, JwtStrategy, MAX_TOKEN_AGE_SECONDS } from "./jwt-strategy";
import { RefreshTokenService } from "./refresh-tokens";
import { SessionStrategy } from "./session-strategy";
import { LabKeyDeriver, LabKeySets } from "./lab-keys";
import type { AuthContext, AuthMode, AuthStrategy } from "./types";

export interface AuthServices extends Stores {
  session: SessionStrategy;
  jwt: JwtStrategy;
  refreshTokens: RefreshTokenService;
  /** The server's JWT key set in force now (rotates for ES256/EdDSA, by the operator). */
  jwtKeys: () => Promise<KeySet>;
  /** The key set of one lab at its `now`: the server's, or the lab's own once it rotated. */
  labJwtKeys: (ctx: Pick<AuthContext, "labId" | "settings" | "now">) => Promise<KeySet>;
  /** One lab's public keys, the next one included (GET /api/labs/:id/jwks.json). */
  labJwks: (ctx: Pick<AuthContext, "labId" | "settings" | "now">) => Promise<JSONWebKeySet>;
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
  // A lab's own keys derive from the current JWT secret (present in every mode), per algorithm.
  const labKeySets = new LabKeySets(new LabKeyDeriver(jwtSecrets.current, env.jwtAlgorithm));
  const labJwtKeys = async (ctx: Pick<AuthContext, "labId" | "settings" | "now">) => labKeySets.forLab(await keys(), ctx.labId, ctx.settings.signingKeys, ctx.now);
  const labJwks = async (ctx: Pick<AuthContext, "labId" | "settings" | "now">) => labKeySets.jwks(await keys(), ctx.labId, ctx.settings.signingKeys, ctx.now);
  const session = new SessionStrategy({ stores: all.sessionStores, users: all.users, sealPasswords: sessionPasswords, cookieName: names.session, maxSessionsPerLab: env.labs.maxSessions });
  const jwt = new JwtStrategy({
    keys: labJwtKeys,
    refresh: refreshTokens,
    denylist: all.denylist,
    users: all.users,
    issuer: env.jwtIssuer,
    audience: env.jwtAudience,
    cookieNames: { access: names.access, refresh: names.refresh },
  });
  return { ...all, session, jwt, refreshTokens, jwtKeys: keys, labJwtKeys, labJwks, strategy: (mode) => (mode === "session" ? session : jwt) };
}

const globalForServices = globalThis as unknown as { authlabServices?: AuthServices };

/** The app's one set of strategies and stores (kept on globalThis so dev hot reload reuses it). */
export function services(): AuthServices {
  globalForServices.authlabServices ??= build();
  return globalForServices.authlabServices;
}
