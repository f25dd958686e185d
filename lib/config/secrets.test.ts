import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConfigError } from "../errors";
import { resetAppEnvForTests } from "./env";
import { kidFor, resetSecretsForTests, secrets } from "./secrets";

const VARS = ["NODE_ENV", "SESSION_PASSWORD", "SESSION_PASSWORDS", "JWT_SECRET", "JWT_SECRET_PREVIOUS", "AUTHLAB_DATA_DIR"] as const;
const STRONG = "abcdefghijklmnopqrstuvwxyz012345";
const STRONG_2 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~";

/** process.env without Next's read-only NODE_ENV typing. */
const env = process.env as Record<string, string | undefined>;
let saved: Record<string, string | undefined>;
let dataDir: string;

function reload() {
  resetAppEnvForTests();
  resetSecretsForTests();
  return secrets();
}

function configError(fn: () => unknown): ConfigError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  return caught as ConfigError;
}

describe("secrets (docs/SECURITY.md § Secrets and start-up)", () => {
  beforeEach(() => {
    saved = Object.fromEntries(VARS.map((name) => [name, process.env[name]]));
    for (const name of VARS) delete process.env[name];
    dataDir = mkdtempSync(path.join(tmpdir(), "authlab-secrets-"));
    process.env.AUTHLAB_DATA_DIR = dataDir;
    vi.spyOn(console, "info").mockImplementation(() => undefined);
  });

  afterEach(() => {
    for (const name of VARS) {
      if (saved[name] === undefined) delete env[name];
      else env[name] = saved[name];
    }
    resetAppEnvForTests();
    resetSecretsForTests();
    rmSync(dataDir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  describe("in production", () => {
    beforeEach(() => {
      env.NODE_ENV = "production";
    });

    it("refuses to start without SESSION_PASSWORD, naming the variable and how to generate one", () => {
      process.env.JWT_SECRET = STRONG;
      const error = configError(reload);
      expect(error.message).toMatch(/^authlab: /);
      expect(error.message).toContain("SESSION_PASSWORD");
      expect(error.message).toContain("NODE_ENV=production");
      expect(error.message).toContain("randomBytes(32)");
      // Never falls back to a generated file in production.
      expect(existsSync(path.join(dataDir, "secrets.json"))).toBe(false);
    });

    it("refuses to start without JWT_SECRET, naming it", () => {
      process.env.SESSION_PASSWORD = STRONG;
      expect(configError(reload).message).toContain("JWT_SECRET");
    });

    it("starts with both secrets set and never writes a file", () => {
      process.env.SESSION_PASSWORD = STRONG;
      process.env.JWT_SECRET = STRONG_2;
      const loaded = reload();
      expect(loaded.sessionPasswords).toEqual({ "1": STRONG });
      expect(loaded.jwtSecrets).toEqual({ current: kidFor(STRONG_2), keys: { [kidFor(STRONG_2)]: STRONG_2 } });
      expect(existsSync(path.join(dataDir, "secrets.json"))).toBe(false);
    });
  });

  it.each([
    ["SESSION_PASSWORD", "SESSION_PASSWORD"],
    ["JWT_SECRET", "JWT_SECRET"],
    ["JWT_SECRET_PREVIOUS", "JWT_SECRET_PREVIOUS"],
  ])("refuses a %s shorter than 32 characters, in any environment", (name, expected) => {
    process.env.SESSION_PASSWORD = STRONG;
    process.env.JWT_SECRET = STRONG;
    process.env[name] = "s".repeat(31);
    const error = configError(reload);
    expect(error.message).toContain(expected);
    expect(error.message).toContain("at least 32 characters");
    expect(error.message).toContain("randomBytes(32)");
  });

  it.each(["SESSION_PASSWORD", "JWT_SECRET"])("refuses a %s of 32 characters that repeats one character (length alone is not randomness)", (name) => {
    process.env.SESSION_PASSWORD = STRONG;
    process.env.JWT_SECRET = STRONG;
    process.env[name] = "a".repeat(32);
    const error = configError(reload);
    expect(error.message).toContain(name);
    expect(error.message).toContain("not random enough");
  });

  it("refuses a short password inside SESSION_PASSWORDS, naming its id", () => {
    process.env.SESSION_PASSWORDS = JSON.stringify({ "2": STRONG, "1": "short" });
    process.env.JWT_SECRET = STRONG;
    expect(configError(reload).message).toContain('SESSION_PASSWORDS["1"]');
  });

  it.each([
    ["not JSON", "{2:"],
    ["an array", JSON.stringify([STRONG])],
    ["an empty object", "{}"],
    ["a non-numeric id", JSON.stringify({ current: STRONG })],
  ])("refuses SESSION_PASSWORDS that is %s", (_label, value) => {
    process.env.SESSION_PASSWORDS = value;
    process.env.JWT_SECRET = STRONG;
    expect(configError(reload).message).toContain("SESSION_PASSWORDS");
  });

  it("reads a rotation map from SESSION_PASSWORDS and keeps the previous JWT secret for verification", () => {
    process.env.SESSION_PASSWORDS = JSON.stringify({ "2": STRONG_2, "1": STRONG });
    process.env.JWT_SECRET = STRONG_2;
    process.env.JWT_SECRET_PREVIOUS = STRONG;
    const loaded = reload();
    expect(loaded.sessionPasswords).toEqual({ "1": STRONG, "2": STRONG_2 });
    expect(loaded.jwtSecrets.current).toBe(kidFor(STRONG_2));
    expect(Object.keys(loaded.jwtSecrets.keys).sort()).toEqual([kidFor(STRONG), kidFor(STRONG_2)].sort());
  });

  it("names keys without revealing the secret", () => {
    const kid = kidFor(STRONG);
    expect(kid).toMatch(/^hs256-[0-9a-f]{8}$/);
    expect(kid).not.toContain(STRONG.slice(0, 8));
    expect(kidFor(STRONG_2)).not.toBe(kid);
  });

  describe("in development", () => {
    beforeEach(() => {
      env.NODE_ENV = "development";
    });

    it("generates data/secrets.json once, mode 0600, and reuses it on the next load (survives restarts)", () => {
      const file = path.join(dataDir, "secrets.json");
      const first = reload();
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const persisted = JSON.parse(readFileSync(file, "utf8")) as { sessionPassword: string; jwtSecret: string };
      expect(persisted.sessionPassword.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
      expect(persisted.jwtSecret.length).toBeGreaterThanOrEqual(43);
      expect(persisted.sessionPassword).not.toBe(persisted.jwtSecret);
      expect(first.sessionPasswords).toEqual({ "1": persisted.sessionPassword });
      expect(first.jwtSecrets.keys[first.jwtSecrets.current]).toBe(persisted.jwtSecret);

      const before = readFileSync(file, "utf8");
      const second = reload(); // a "restart": caches dropped, file read again
      expect(readFileSync(file, "utf8")).toBe(before);
      expect(second).toEqual(first);
    });

    it("caches the secrets for the life of the process", () => {
      expect(secrets()).toBe(secrets());
    });

    it("prefers environment secrets over the file", () => {
      process.env.SESSION_PASSWORD = STRONG;
      process.env.JWT_SECRET = STRONG_2;
      const loaded = reload();
      expect(loaded.sessionPasswords).toEqual({ "1": STRONG });
      expect(existsSync(path.join(dataDir, "secrets.json"))).toBe(false);
    });

    it("refuses an incomplete secrets file instead of silently generating new secrets", () => {
      writeFileSync(path.join(dataDir, "secrets.json"), JSON.stringify({ sessionPassword: STRONG }));
      expect(configError(reload).message).toContain("incomplete");
    });
  });
});
