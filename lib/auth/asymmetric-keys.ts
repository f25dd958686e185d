import "server-only";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { ConfigError } from "../errors";
import type { JwtAlgorithm, KeySet } from "./jwt-keys";
import { UnknownKeyError } from "./jwt-keys";

/**
 * Asymmetric signing keys (ES256 or EdDSA) with rotation, kept in a JSON file (`JWT_KEYS_FILE`,
 * default `data/jwt-keys.json`) that every instance on the host reads.
 *
 * Rotation without a burst of 401s:
 * 1. `rotate()` adds the next key, published in the JWKS at once but signing only from
 *    `activatesAt` (now + `publishAheadSeconds`), so that verifiers caching the JWKS have it first;
 * 2. from then on it signs, and the previous key is retired: verify-only;
 * 3. a retired key stays in the JWKS until the longest access token it can have signed has
 *    expired (`retiredAt + maxTokenLifetimeSeconds`), then it is dropped.
 */
export interface StoredKey {
  kid: string;
  alg: Exclude<JwtAlgorithm, "HS256">;
  privateJwk: JWK;
  publicJwk: JWK;
  createdAt: string;
  activatesAt: string;
  retiredAt: string | null;
}

interface KeyFile {
  keys: StoredKey[];
}

export async function newStoredKey(alg: StoredKey["alg"], activatesAt: Date): Promise<StoredKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === "EdDSA" ? { crv: "Ed25519" } : {}) });
  const kid = `${alg.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
  return { kid, alg, privateJwk: { ...(await exportJWK(privateKey)), kid, alg }, publicJwk, createdAt: new Date().toISOString(), activatesAt: activatesAt.toISOString(), retiredAt: null };
}

function readKeyFile(file: string): KeyFile {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<KeyFile>;
  if (!Array.isArray(parsed.keys) || parsed.keys.length === 0) throw new ConfigError(`${file} holds no keys; delete it to generate a new key`);
  return { keys: parsed.keys };
}

function writeKeyFile(file: string, data: KeyFile): void {
  mkdirSync(dirname(file), { recursive: true });
  // Write-then-rename so that another instance never reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

/** Loads the key file, creating it with one active key outside production. */
export async function loadOrCreateKeyFile(file: string, alg: StoredKey["alg"], isProduction: boolean): Promise<KeyFile> {
  const path = resolve(file);
  if (existsSync(path)) return readKeyFile(path);
  if (isProduction) throw new ConfigError(`JWT_ALG=${alg} needs a key file at ${path} (JWT_KEYS_FILE); create one outside production with the app, or POST /api/admin/keys/rotate`);
  const data = { keys: [await newStoredKey(alg, new Date(0))] };
  writeKeyFile(path, data);
  console.info(`authlab: generated an ${alg} signing key into ${path} (kept outside git)`);
  return data;
}

/** Adds the next key (published now, signing from `now + publishAheadSeconds`) and retires the current signer then. */
export async function rotateKeyFile(file: string, alg: StoredKey["alg"], now: Date, publishAheadSeconds: number): Promise<StoredKey> {
  const path = resolve(file);
  const data = readKeyFile(path);
  const activatesAt = new Date(now.getTime() + publishAheadSeconds * 1000);
  const next = await newStoredKey(alg, activatesAt);
  const keys = data.keys.map((k) => (k.retiredAt === null ? { ...k, retiredAt: activatesAt.toISOString() } : k));
  writeKeyFile(path, { keys: [...keys, next] });
  return next;
}

/** Builds a KeySet from the stored keys as of `now`. */
export async function asymmetricKeySet(stored: StoredKey[], alg: StoredKey["alg"], now: number, maxTokenLifetimeSeconds: number): Promise<KeySet> {
  const published = stored.filter((k) => k.alg === alg && (k.retiredAt === null || now < Date.parse(k.retiredAt) + maxTokenLifetimeSeconds * 1000));
  const signer = published.filter((k) => Date.parse(k.activatesAt) <= now).sort((a, b) => Date.parse(b.activatesAt) - Date.parse(a.activatesAt))[0];
  if (!signer) throw new ConfigError("no JWT signing key is active yet");
  const verifyKeys = new Map<string, CryptoKey>();
  for (const k of published) verifyKeys.set(k.kid, (await importJWK(k.publicJwk, alg)) as CryptoKey);
  const signingKey = (await importJWK(signer.privateJwk, alg)) as CryptoKey;
  return {
    alg,
    signingKid: signer.kid,
    signingKey,
    verify(header) {
      const key = header.kid === undefined ? undefined : verifyKeys.get(header.kid);
      if (!key) throw new UnknownKeyError(header.kid);
      return key;
    },
    kids: () => [...verifyKeys.keys()],
    jwks: () => ({ keys: published.map((k) => k.publicJwk) }),
  };
}

/** Reloads the key file when it changes (another instance rotated) and when a key's time comes. */
export function watchedKeySet(file: string, alg: StoredKey["alg"], isProduction: boolean, maxTokenLifetimeSeconds: number): () => Promise<KeySet> {
  let cached: { set: KeySet; mtimeMs: number; builtAt: number; nextChangeAt: number } | undefined;
  let building: Promise<KeySet> | undefined;
  return async () => {
    const now = Date.now();
    if (cached && now - cached.builtAt < 1000 && now < cached.nextChangeAt) return cached.set;
    const path = resolve(file);
    const mtimeMs = existsSync(path) ? statSync(path).mtimeMs : 0;
    if (cached && mtimeMs === cached.mtimeMs && now < cached.nextChangeAt) {
      cached.builtAt = now;
      return cached.set;
    }
    building ??= (async () => {
      const data = await loadOrCreateKeyFile(path, alg, isProduction);
      const set = await asymmetricKeySet(data.keys, alg, now, maxTokenLifetimeSeconds);
      const times = data.keys.flatMap((k) => [Date.parse(k.activatesAt), k.retiredAt ? Date.parse(k.retiredAt) + maxTokenLifetimeSeconds * 1000 : Infinity]).filter((t) => t > now);
      cached = { set, mtimeMs: existsSync(path) ? statSync(path).mtimeMs : 0, builtAt: now, nextChangeAt: Math.min(Infinity, ...times) };
      return set;
    })().finally(() => {
      building = undefined;
    });
    return building;
  };
}
