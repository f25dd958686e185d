import { createECDH, createHmac, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import type { JWK, JSONWebKeySet } from "jose";
import type { LabSigningKeys } from "../settings/schema";
import type { JwtAlgorithm, KeySet } from "./jwt-keys";
import { UnknownKeyError } from "./jwt-keys";
import { LruCache } from "./lru-cache";

/**
 * A lab's own signing keys, so that a learner can rotate "the signing key" and watch what that does
 * without touching any other lab: generation 0 is the server's key set; generation n ≥ 1 is a key
 * derived from a server secret, the lab id and n (HMAC-SHA256 → an HS256 secret, an Ed25519 seed or
 * a P-256 scalar). Derived, not stored: every instance computes the same key from the lab's
 * settings (a generation number), no private key is ever written anywhere, and the next generation's
 * public key can be published before it signs — as a real rotation publishes ahead.
 */
export interface LabKeyMaterial {
  kid: string;
  signingKey: CryptoKey | KeyObject;
  verifyKey: CryptoKey | KeyObject;
  /** The public JWK (null for HS256: a shared secret is never published). */
  publicJwk: JWK | null;
}

const LAB_KID = /^lab-(default|[2-9a-hjkmnp-z]{10})-(\d{1,4})$/;

export function labKid(labId: string, generation: number): string {
  return `lab-${labId}-${generation}`;
}

/** The lab and generation a kid names, or null when it is not a lab key's kid. */
export function parseLabKid(kid: string | undefined): { labId: string; generation: number } | null {
  const m = kid === undefined ? null : LAB_KID.exec(kid);
  return m ? { labId: m[1]!, generation: Number(m[2]) } : null;
}

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
// The order of P-256: a scalar must lie in [1, n − 1].
const P256_ORDER = BigInt("0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");

export class LabKeyDeriver {
  private readonly cache = new LruCache<Promise<LabKeyMaterial>>(2_000);

  constructor(
    private readonly master: string,
    readonly alg: JwtAlgorithm,
  ) {}

  material(labId: string, generation: number): Promise<LabKeyMaterial> {
    const id = `${labId}:${generation}`;
    let found = this.cache.get(id);
    if (!found) {
      found = this.derive(labId, generation);
      this.cache.set(id, found);
    }
    return found;
  }

  private seed(labId: string, generation: number, counter = 0): Buffer {
    return createHmac("sha256", this.master).update(`authlab lab signing key v1\u0000${this.alg}\u0000${labId}\u0000${generation}\u0000${counter}`).digest();
  }

  private async derive(labId: string, generation: number): Promise<LabKeyMaterial> {
    const kid = labKid(labId, generation);
    if (this.alg === "HS256") {
      const key = await crypto.subtle.importKey("raw", new Uint8Array(this.seed(labId, generation)), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
      return { kid, signingKey: key, verifyKey: key, publicJwk: null };
    }
    const privateKey = this.alg === "EdDSA" ? ed25519Key(this.seed(labId, generation)) : p256Key((counter) => this.seed(labId, generation, counter));
    const publicKey = createPublicKey(privateKey);
    const publicJwk: JWK = { ...(publicKey.export({ format: "jwk" }) as JWK), kid, alg: this.alg, use: "sig" };
    return { kid, signingKey: privateKey, verifyKey: publicKey, publicJwk };
  }
}

function ed25519Key(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
}

function p256Key(seedFor: (counter: number) => Buffer): KeyObject {
  for (let counter = 0; counter < 16; counter++) {
    const d = seedFor(counter);
    const scalar = BigInt(`0x${d.toString("hex")}`);
    // Outside [1, n − 1] with probability ~2⁻³²: then the next counter's seed.
    if (scalar === BigInt(0) || scalar >= P256_ORDER) continue;
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(d);
    const point = ecdh.getPublicKey(); // 0x04 ‖ x ‖ y
    return createPrivateKey({
      key: { kty: "EC", crv: "P-256", d: d.toString("base64url"), x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33, 65).toString("base64url") },
      format: "jwk",
    });
  }
  throw new Error("could not derive a P-256 key");
}

/** The generations of a lab's keys that verify at `now`: the signer and those not yet retired. */
export function acceptedGenerations(state: LabSigningKeys, now: number): number[] {
  return [state.generation, ...state.retiring.filter((r) => r.retiresAt > now && r.generation !== state.generation).map((r) => r.generation)];
}

/**
 * The key set a lab's requests sign and verify with. A lab that never rotated uses the server's
 * key set as it is (the same object: nothing changes for it, not even the verified-token cache).
 * Otherwise: the lab's current generation signs; it and the generations still retiring verify
 * (generation 0 meaning the server's keys); the next generation is published ahead in the JWKS.
 * Tokens of another lab's keys are unknown here. Built once per lab state and cached.
 */
export class LabKeySets {
  private readonly bySet = new WeakMap<KeySet, LruCache<Promise<KeySet>>>();

  constructor(private readonly deriver: LabKeyDeriver) {}

  forLab(server: KeySet, labId: string, state: LabSigningKeys, now: number): Promise<KeySet> {
    const accepted = acceptedGenerations(state, now);
    if (state.generation === 0 && accepted.length === 1) return Promise.resolve(server);
    let sets = this.bySet.get(server);
    if (!sets) {
      sets = new LruCache<Promise<KeySet>>(10_000);
      this.bySet.set(server, sets);
    }
    const id = `${labId}|${accepted.join(",")}`;
    let found = sets.get(id);
    if (!found) {
      found = this.build(server, labId, accepted);
      sets.set(id, found);
    }
    return found;
  }

  /**
   * The lab's JWKS: the keys its tokens verify with now, and the next generation's, published before
   * it signs (also for a lab still on the server's keys: its first own key is public from the start).
   */
  async jwks(server: KeySet, labId: string, state: LabSigningKeys, now: number): Promise<JSONWebKeySet> {
    const set = await this.forLab(server, labId, state, now);
    if (set !== server) return set.jwks();
    const next = await this.deriver.material(labId, state.generation + 1);
    return { keys: [...server.jwks().keys, ...(next.publicJwk ? [next.publicJwk] : [])] };
  }

  private async build(server: KeySet, labId: string, accepted: number[]): Promise<KeySet> {
    const [current] = accepted;
    const serverAccepted = accepted.includes(0);
    const derived = new Map<string, LabKeyMaterial>();
    for (const generation of accepted.filter((g) => g > 0)) {
      const material = await this.deriver.material(labId, generation);
      derived.set(material.kid, material);
    }
    const next = await this.deriver.material(labId, current! + 1);
    const signer = current === 0 ? null : derived.get(labKid(labId, current!))!;
    const jwks: JSONWebKeySet = {
      keys: [...(serverAccepted ? server.jwks().keys : []), ...[...derived.values(), next].flatMap((m) => (m.publicJwk ? [m.publicJwk] : []))],
    };
    return {
      alg: server.alg,
      signingKid: signer ? signer.kid : server.signingKid,
      signingKey: signer ? signer.signingKey : server.signingKey,
      verify(header) {
        const lab = derived.get(header.kid ?? "");
        if (lab) return lab.verifyKey;
        if (serverAccepted && parseLabKid(header.kid) === null) return server.verify(header);
        throw new UnknownKeyError(header.kid);
      },
      kids: () => [...(serverAccepted ? server.kids() : []), ...derived.keys()],
      jwks: () => jwks,
    };
  }
}
