import { ConfigError } from "../errors";
import { SETTING_BOUNDS, type DurationSettingKey } from "../settings/bounds";
import { STORE_KINDS, type StoreKind } from "../stores/types";

/** Reads the process environment once; every other module asks this one. */
export interface AppEnv {
  nodeEnv: string;
  isProduction: boolean;
  databaseUrl: string;
  dataDir: string;
  defaultMode: "session" | "jwt";
  /** Drop the `__Host-`/`__Secure-` prefixes and `Secure`, for plain-HTTP hosts other than localhost. */
  insecureCookies: boolean;
  /**
   * DEMO_CLOCK: whether the *default* lab (clients without a lab cookie) has its demo tools open to
   * everyone — clock, reset, settings. Every visitor's own lab always has them: they touch only it.
   */
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
  /** Redis for sessions, the denylist and rate-limit counters, when set. */
  redisUrl: string | null;
  /** Every Redis key this app writes starts with this, so one Redis can serve several apps or tests. */
  redisKeyPrefix: string;
  /** Where each kind of state lives at start-up; an admin can switch the session store at run time. */
  stores: { session: SessionStoreKind; denylist: DenylistStoreKind; rateLimit: RateLimitStoreKind };
  /**
   * Bound on a networked store (PostgreSQL, Redis): a store that does not connect or answer within
   * it counts as unavailable (503), so no request hangs on it. See README "When a store is down".
   */
  storeTimeoutMs: number;
  rateLimit: { ipFailures: number; accountFailures: number; accountTotalFailures: number; windowSeconds: number; registrationsPerAddress: number; measurementsPerAddress: number };
  /** Per-visitor labs: how long an untouched lab lives, and the caps that keep one server bounded. */
  labs: {
    idleSeconds: number;
    maxLive: number;
    createPerAddress: number;
    createWindowSeconds: number;
    maxUsers: number;
    maxSessions: number;
    maxFamilies: number;
  };
  defaults: {
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    refreshIdleSeconds: number;
    refreshGraceSeconds: number;
    sessionIdleSeconds: number;
    sessionAbsoluteSeconds: number;
    denylistEnabled: boolean;
    sessionStore: SessionStoreKind;
  };
}

export type SessionStoreKind = StoreKind;
export type DenylistStoreKind = "database" | "redis";
export type RateLimitStoreKind = "memory" | "redis";

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(", ")} (got "${raw}")`);
}

function readStores(redisUrl: string | null): AppEnv["stores"] {
  const stores = {
    session: choice<SessionStoreKind>("SESSION_STORE", STORE_KINDS, "database"),
    denylist: choice<DenylistStoreKind>("DENYLIST_STORE", ["database", "redis"], "database"),
    rateLimit: choice<RateLimitStoreKind>("RATE_LIMIT_STORE", ["memory", "redis"], "memory"),
  };
  const wantRedis = [
    ["SESSION_STORE", stores.session],
    ["DENYLIST_STORE", stores.denylist],
    ["RATE_LIMIT_STORE", stores.rateLimit],
  ].filter(([, kind]) => kind === "redis");
  if (wantRedis.length > 0 && !redisUrl) {
    const names = wantRedis.map(([name]) => `${name}=redis`).join(", ");
    throw new ConfigError(`${names} needs REDIS_URL; set it, e.g. REDIS_URL=redis://127.0.0.1:6379/0, or choose another store`);
  }
  return stores;
}

function readRedisUrl(): string | null {
  const raw = process.env.REDIS_URL?.trim();
  if (!raw) return null;
  if (!/^rediss?:\/\//i.test(raw)) throw new ConfigError(`REDIS_URL must start with redis:// or rediss:// (got "${raw.replace(/\/\/[^@/]*@/, "//***@")}")`);
  return raw;
}

function bool(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|on|yes)$/i.test(raw)) return true;
  if (/^(0|false|off|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

/** A default lifetime from the environment, within the bounds the runtime setting has. */
function seconds(name: string, key: DurationSettingKey, fallback: number): number {
  return int(name, fallback, SETTING_BOUNDS[key].min, SETTING_BOUNDS[key].max);
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
  const redisUrl = readRedisUrl();
  const stores = readStores(redisUrl);
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
    // Validated like PEER_URLS: an entry such as "null" would otherwise let an opaque origin through.
    trustedOrigins: origins("TRUSTED_ORIGINS"),
    instanceId: process.env.INSTANCE_ID || `${process.env.PORT || "3000"}-${process.pid}`,
    peerUrls: origins("PEER_URLS"),
    redisUrl,
    redisKeyPrefix: process.env.REDIS_KEY_PREFIX ?? "authlab:",
    stores,
    storeTimeoutMs: int("STORE_TIMEOUT_MS", 1000, 50, 10_000),
    rateLimit: {
      ipFailures: int("RATE_LIMIT_IP_FAILURES", 100, 1, 1_000_000),
      accountFailures: int("RATE_LIMIT_ACCOUNT_FAILURES", 10, 1, 1_000_000),
      accountTotalFailures: int("RATE_LIMIT_ACCOUNT_TOTAL_FAILURES", 100, 1, 1_000_000),
      registrationsPerAddress: int("RATE_LIMIT_REGISTRATIONS", 30, 1, 1_000_000),
      measurementsPerAddress: int("RATE_LIMIT_MEASUREMENTS", 10, 1, 1_000_000),
      windowSeconds: int("RATE_LIMIT_WINDOW_SECONDS", 900, 1, 86_400),
    },
    labs: {
      idleSeconds: int("LAB_IDLE_SECONDS", 24 * 3600, 60, 30 * 86_400),
      maxLive: int("LAB_MAX_LIVE", 2_000, 1, 1_000_000),
      createPerAddress: int("LAB_CREATE_PER_ADDRESS", 60, 1, 1_000_000),
      createWindowSeconds: int("LAB_CREATE_WINDOW_SECONDS", 3600, 1, 86_400),
      maxUsers: int("LAB_MAX_USERS", 50, 2, 100_000),
      maxSessions: int("LAB_MAX_SESSIONS", 200, 1, 1_000_000),
      maxFamilies: int("LAB_MAX_FAMILIES", 200, 1, 1_000_000),
    },
    defaults: {
      accessTtlSeconds: seconds("ACCESS_TTL_SECONDS", "accessTtlSeconds", 900),
      refreshTtlSeconds: seconds("REFRESH_TTL_SECONDS", "refreshTtlSeconds", 30 * 86_400),
      refreshIdleSeconds: seconds("REFRESH_IDLE_SECONDS", "refreshIdleSeconds", 7 * 86_400),
      refreshGraceSeconds: seconds("REFRESH_GRACE_SECONDS", "refreshGraceSeconds", 10),
      sessionIdleSeconds: seconds("SESSION_IDLE_SECONDS", "sessionIdleSeconds", 1800),
      sessionAbsoluteSeconds: seconds("SESSION_ABSOLUTE_SECONDS", "sessionAbsoluteSeconds", 8 * 3600),
      denylistEnabled: bool("JWT_DENYLIST", false),
      sessionStore: stores.session,
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
