import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { randomToken, sha256Hex } from "../crypto";
import { ConfigError } from "../errors";
import { appEnv } from "./env";

export interface Secrets {
  /** iron-session passwords by id; the highest id seals, every id unseals (rotation). */
  sessionPasswords: Record<string, string>;
  /** HMAC secrets for HS256 by key id; `current` signs, all verify. */
  jwtSecrets: { current: string; keys: Record<string, string> };
  /**
   * The operator's bearer token for server-wide choices (session store, key rotation, lab counts):
   * OPERATOR_TOKEN, generated into data/secrets.json outside production, null (operator routes
   * closed) in production without one.
   */
  operatorToken: string | null;
}

const MIN_SECRET_CHARS = 32;
/**
 * A secret of 32 characters with fewer distinct ones than this is no random secret ("aaaa…",
 * "abababab…", a repeated word). 32 random base64url characters have about 25 distinct ones;
 * a passphrase has well over 12.
 */
const MIN_DISTINCT_CHARS = 12;
const GENERATE_HINT = "generate one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"";

function requireStrong(name: string, value: string): string {
  if (value.length < MIN_SECRET_CHARS) {
    throw new ConfigError(`${name} must be at least ${MIN_SECRET_CHARS} characters; ${GENERATE_HINT}`);
  }
  if (new Set(value).size < MIN_DISTINCT_CHARS) {
    throw new ConfigError(`${name} is not random enough (fewer than ${MIN_DISTINCT_CHARS} different characters); ${GENERATE_HINT}`);
  }
  return value;
}

/**
 * `SESSION_PASSWORD` (one password, id 1) or `SESSION_PASSWORDS` (JSON `{"2":"new","1":"old"}`).
 * Rotation: add a higher id; old seals still unseal until they expire.
 */
function sessionPasswordsFromEnv(): Record<string, string> | undefined {
  const map = process.env.SESSION_PASSWORDS;
  if (map) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(map);
    } catch {
      throw new ConfigError(`SESSION_PASSWORDS must be JSON like {"2":"new-password","1":"old-password"}`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || Object.keys(parsed).length === 0) {
      throw new ConfigError(`SESSION_PASSWORDS must be a non-empty JSON object of id → password`);
    }
    const out: Record<string, string> = {};
    for (const [id, pw] of Object.entries(parsed)) {
      if (!/^\d+$/.test(id) || typeof pw !== "string") {
        throw new ConfigError(`SESSION_PASSWORDS keys must be whole numbers and values strings`);
      }
      out[id] = requireStrong(`SESSION_PASSWORDS["${id}"]`, pw);
    }
    return out;
  }
  const single = process.env.SESSION_PASSWORD;
  return single ? { "1": requireStrong("SESSION_PASSWORD", single) } : undefined;
}

/** `JWT_SECRET` signs; `JWT_SECRET_PREVIOUS` (optional) still verifies during rotation. */
function jwtSecretsFromEnv(): Secrets["jwtSecrets"] | undefined {
  const current = process.env.JWT_SECRET;
  if (!current) return undefined;
  const keys: Record<string, string> = { [kidFor(current)]: requireStrong("JWT_SECRET", current) };
  const previous = process.env.JWT_SECRET_PREVIOUS;
  if (previous) keys[kidFor(previous)] = requireStrong("JWT_SECRET_PREVIOUS", previous);
  return { current: kidFor(current), keys };
}

/** A key id that names a secret without revealing it: a short hash prefix. */
export function kidFor(secret: string): string {
  return `hs256-${sha256Hex(secret).slice(0, 8)}`;
}

interface PersistedSecrets {
  sessionPassword: string;
  jwtSecret: string;
  operatorToken: string;
}

/**
 * Local and demo runs: secrets are generated once and kept in `data/secrets.json` (git-ignored),
 * so sessions and tokens survive a restart. Never a random per-process secret: that would log
 * everyone out on restart and make instances disagree.
 */
function persistedSecrets(dataDir: string): PersistedSecrets {
  const file = resolve(join(dataDir, "secrets.json"));
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<PersistedSecrets>;
    if (typeof parsed.sessionPassword === "string" && typeof parsed.jwtSecret === "string") {
      if (typeof parsed.operatorToken === "string") return { sessionPassword: parsed.sessionPassword, jwtSecret: parsed.jwtSecret, operatorToken: parsed.operatorToken };
      // Written by an earlier version: add the operator token, keep the rest (credentials stay valid).
      const upgraded = { sessionPassword: parsed.sessionPassword, jwtSecret: parsed.jwtSecret, operatorToken: randomToken(32) };
      writeSecretsFile(file, upgraded);
      return upgraded;
    }
    throw new ConfigError(`${file} is incomplete; delete it to generate new secrets`);
  }
  const fresh: PersistedSecrets = { sessionPassword: randomToken(32), jwtSecret: randomToken(32), operatorToken: randomToken(32) };
  writeSecretsFile(file, fresh);
  console.info(`authlab: generated SESSION_PASSWORD, JWT_SECRET and OPERATOR_TOKEN into ${file} (kept outside git; set them in the environment for production)`);
  return fresh;
}

function writeSecretsFile(file: string, secrets: PersistedSecrets): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** OPERATOR_TOKEN when set (≥ 32 characters); undefined when absent. */
function operatorTokenFromEnv(): string | undefined {
  const token = process.env.OPERATOR_TOKEN;
  return token ? requireStrong("OPERATOR_TOKEN", token) : undefined;
}

function loadSecrets(): Secrets {
  const env = appEnv();
  let sessionPasswords = sessionPasswordsFromEnv();
  let jwtSecrets = jwtSecretsFromEnv();
  let operatorToken = operatorTokenFromEnv() ?? null;
  if (!sessionPasswords || !jwtSecrets) {
    if (env.isProduction) {
      const missing = !sessionPasswords ? "SESSION_PASSWORD" : "JWT_SECRET";
      throw new ConfigError(`${missing} is required when NODE_ENV=production; ${GENERATE_HINT}`);
    }
  }
  // The generated file stands in for secrets the environment does not give, outside production only;
  // a run that sets its own secrets (tests, a deployment) gets no file and, without OPERATOR_TOKEN,
  // no operator routes.
  if (!env.isProduction && (!sessionPasswords || !jwtSecrets)) {
    const persisted = persistedSecrets(env.dataDir);
    sessionPasswords ??= { "1": persisted.sessionPassword };
    jwtSecrets ??= { current: kidFor(persisted.jwtSecret), keys: { [kidFor(persisted.jwtSecret)]: persisted.jwtSecret } };
    operatorToken ??= persisted.operatorToken;
  }
  if (!sessionPasswords || !jwtSecrets) throw new ConfigError(`SESSION_PASSWORD and JWT_SECRET are required; ${GENERATE_HINT}`);
  return { sessionPasswords, jwtSecrets, operatorToken };
}

let cached: Secrets | undefined;

export function secrets(): Secrets {
  cached ??= loadSecrets();
  return cached;
}

export function resetSecretsForTests(): void {
  cached = undefined;
}
