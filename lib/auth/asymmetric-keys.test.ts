import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { asymmetricKeySet, loadOrCreateKeyFile, rotateKeyFile, type StoredKey } from "./asymmetric-keys";
import { UnknownKeyError } from "./jwt-keys";

const DAY = 86_400;

describe("asymmetric signing keys: rotation without a burst of 401s", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "authlab-keys-"));
    file = join(dir, "jwt-keys.json");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const alg of ["ES256", "EdDSA"] as const) {
    it(`${alg}: the first run creates one active key and publishes its public half only`, async () => {
      const { keys } = await loadOrCreateKeyFile(file, alg, false);
      expect(keys).toHaveLength(1);
      const set = await asymmetricKeySet(keys, alg, Date.now(), DAY);
      const jwks = set.jwks();
      expect(jwks.keys).toHaveLength(1);
      expect(jwks.keys[0]).toMatchObject({ kid: set.signingKid, alg, use: "sig" });
      expect(jwks.keys[0]).not.toHaveProperty("d");
      expect(readFileSync(file, "utf8")).toContain('"d"');
    });
  }

  it("production refuses to invent a key", async () => {
    await expect(loadOrCreateKeyFile(file, "ES256", true)).rejects.toThrow(/JWT_KEYS_FILE/);
  });

  it("the next key is published ahead, signs from activatesAt, and the old one stays verify-only until its tokens expire", async () => {
    const first = (await loadOrCreateKeyFile(file, "ES256", false)).keys[0]!;
    const t0 = Date.now();
    const next = await rotateKeyFile(file, "ES256", new Date(t0), 60);
    const { keys } = JSON.parse(readFileSync(file, "utf8")) as { keys: StoredKey[] };

    const beforeActivation = await asymmetricKeySet(keys, "ES256", t0 + 30_000, DAY);
    expect(beforeActivation.signingKid).toBe(first.kid);
    expect(beforeActivation.kids().sort()).toEqual([first.kid, next.kid].sort());

    const afterActivation = await asymmetricKeySet(keys, "ES256", t0 + 61_000, DAY);
    expect(afterActivation.signingKid).toBe(next.kid);
    // A token the old key signed a moment ago still verifies: no burst of 401s.
    expect(() => afterActivation.verify({ alg: "ES256", kid: first.kid })).not.toThrow();

    const muchLater = await asymmetricKeySet(keys, "ES256", t0 + 61_000 + DAY * 1000 + 1, DAY);
    expect(muchLater.kids()).toEqual([next.kid]);
    expect(() => muchLater.verify({ alg: "ES256", kid: first.kid })).toThrow(UnknownKeyError);
  });

  it("algorithm confusion is impossible: an HS256 token keyed with the public key is not verifiable", async () => {
    const { keys } = await loadOrCreateKeyFile(file, "ES256", false);
    const set = await asymmetricKeySet(keys, "ES256", Date.now(), DAY);
    // The classic attack: sign HS256 with the public key's bytes as the HMAC secret.
    const publicBytes = new TextEncoder().encode(JSON.stringify(set.jwks().keys[0]));
    const forged = await new SignJWT({ role: "admin" }).setProtectedHeader({ alg: "HS256", kid: set.signingKid }).sign(publicBytes);
    const { jwtVerify, errors } = await import("jose");
    await expect(jwtVerify(forged, (h) => set.verify(h), { algorithms: [set.alg] })).rejects.toBeInstanceOf(errors.JOSEAlgNotAllowed);
  });
});
