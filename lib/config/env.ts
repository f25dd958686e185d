import { ConfigError } from "../errors";

/** Reads the process environment once; every other module asks this one. */
export interface AppEnv {
  nodeEnv: string;
  isProduction: boolean;
  databaseUrl: string;
  dataDir: string;
  defaultMode: "session" | "jwt";
  /** Drop the `__Host-`/`__Secure-` prefixes and `Secure`, for plain-HTTP hosts other than localhost. */
  insecureCookies: boolean;
  demoClockEnabled: boolean;
  seedDemoUsers: boolean;
  jwtAlgorithm: "HS256" | "ES256" | "EdDSA";
  /** Where ES256/EdDSA signing keys live (generated outside production). */
  jwtKeysFile: string;
  /** How long a rotated-in key is published before it signs, so JWKS caches pick it up first. */
  jwksPublishAheadSeconds: number;
  jwtIssuer: string;
  jwtAudience: string;
  /** Extra origins (scheme://host[:port]) allowed to send state-changing requests. */
  trustedOrigins: string[];
  instanceId: string;
  /**
   * Other instances of this app (`PEER_URLS`, comma-separated origins) the lab may send a learner's
   * own credential to. The only hosts the server ever relays to: never a URL from a request.
   */
  peerUrls: string[];
  rateLimit: { ipFailures: number; accountFailures: number; windowSeconds: number };
  defaults: {
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    refreshIdleSeconds: number;
    refreshGraceSeconds: number;
    sessionIdleSeconds: number;
    sessionAbsoluteSeconds: number;
    denylistEnabled: boolean;
  };
}

function bool(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|on|yes)$/i.test(raw)) return true;
  if (/^(0|false|off|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function int(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/** `http(s)://host[:port]` origins, in the order given, duplicates dropped. */
function origins(name: string): string[] {
  const out: string[] = [];
  for (const raw of (process.env[name] ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError(`${name} must be comma-separated URLs like http://127.0.0.1:3001 (got "${raw}")`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new ConfigError(`${name} entries must be http:// or https:// URLs (got "${raw}")`);
    }
    if (!out.includes(url.origin)) out.push(url.origin);
  }
  return out;
}

function readEnv(): AppEnv {
  const nodeEnv = process.env.NODE_ENV ?? "development";
  const isProduction = nodeEnv === "production";
  const mode = process.env.AUTH_MODE ?? "session";
  if (mode !== "session" && mode !== "jwt") {
    throw new ConfigError(`AUTH_MODE must be "session" or "jwt" (got "${mode}")`);
  }
  const databaseUrl = process.env.DATABASE_URL || "file:./data/authlab.db";
  const alg = process.env.JWT_ALG || "HS256";
  if (alg !== "HS256" && alg !== "ES256" && alg !== "EdDSA") {
    throw new ConfigError(`JWT_ALG must be HS256, ES256 or EdDSA (got "${alg}")`);
  }
  const dataDir = process.env.AUTHLAB_DATA_DIR || "data";
  return {
    nodeEnv,
    isProduction,
    databaseUrl,
    dataDir,
    defaultMode: mode,
    insecureCookies: bool("AUTHLAB_INSECURE_COOKIES", false),
    demoClockEnabled: bool("DEMO_CLOCK", !isProduction),
    seedDemoUsers: bool("SEED_DEMO_USERS", databaseUrl.startsWith("file:")),
    jwtAlgorithm: alg,
    jwtKeysFile: process.env.JWT_KEYS_FILE || `${dataDir}/jwt-keys.json`,
    jwksPublishAheadSeconds: int("JWKS_PUBLISH_AHEAD_SECONDS", 60, 0, 86_400),
    jwtIssuer: process.env.JWT_ISSUER || "authlab",
    jwtAudience: process.env.JWT_AUDIENCE || "authlab-api",
    trustedOrigins: (process.env.TRUSTED_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    instanceId: process.env.INSTANCE_ID || `${process.env.PORT ?? "3000"}-${process.pid}`,
    peerUrls: origins("PEER_URLS"),
    rateLimit: {
      ipFailures: int("RATE_LIMIT_IP_FAILURES", 100, 1, 1_000_000),
      accountFailures: int("RATE_LIMIT_ACCOUNT_FAILURES", 10, 1, 1_000_000),
      windowSeconds: int("RATE_LIMIT_WINDOW_SECONDS", 900, 1, 86_400),
    },
    defaults: {
      accessTtlSeconds: int("ACCESS_TTL_SECONDS", 900, 5, 86_400),
      refreshTtlSeconds: int("REFRESH_TTL_SECONDS", 30 * 86_400, 60, 365 * 86_400),
      refreshIdleSeconds: int("REFRESH_IDLE_SECONDS", 7 * 86_400, 60, 365 * 86_400),
      refreshGraceSeconds: int("REFRESH_GRACE_SECONDS", 10, 0, 300),
      sessionIdleSeconds: int("SESSION_IDLE_SECONDS", 1800, 10, 86_400),
      sessionAbsoluteSeconds: int("SESSION_ABSOLUTE_SECONDS", 8 * 3600, 60, 30 * 86_400),
      denylistEnabled: bool("JWT_DENYLIST", false),
    },
  };
}

let cached: AppEnv | undefined;

export function appEnv(): AppEnv {
  cached ??= readEnv();
  return cached;
}

/** Tests change process.env and call this to re-read it. */
export function resetAppEnvForTests(): void {
  cached = undefined;
}
