import { createLocalJWKSet, jwtVerify, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { JWT_SECRET, OTHER_JWT_SECRET, T0 } from "@/test/auth-fixtures";
import { newStoredKey, asymmetricKeySet } from "./asymmetric-keys";
import { hmacKeySet, type JwtAlgorithm, type KeySet } from "./jwt-keys";
import { acceptedGenerations, LabKeyDeriver, LabKeySets, labKid, parseLabKid } from "./lab-keys";

const LAB = "k7mqp2xz9a";
const OTHER_LAB = "h3n8r4tw6b";

async function serverKeys(alg: JwtAlgorithm): Promise<KeySet> {
  if (alg === "HS256") return hmacKeySet({ server: JWT_SECRET }, "server");
  return asymmetricKeySet([await newStoredKey(alg, new Date(0))], alg, T0, 3600);
}

async function sign(keys: KeySet, claims: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: keys.alg, kid: keys.signingKid }).setSubject("u1").setIssuedAt(T0 / 1000).sign(keys.signingKey);
}

async function verifies(keys: KeySet, token: string): Promise<boolean> {
  try {
    await jwtVerify(token, (header) => keys.verify(header), { algorithms: [keys.alg], currentDate: new Date(T0) });
    return true;
  } catch {
    return false;
  }
}

describe("a lab's own signing keys", () => {
  it("kids name the lab and the generation, and nothing else parses as one", () => {
    expect(labKid(LAB, 3)).toBe(`lab-${LAB}-3`);
    expect(parseLabKid(`lab-${LAB}-3`)).toEqual({ labId: LAB, generation: 3 });
    expect(parseLabKid("lab-default-1")).toEqual({ labId: "default", generation: 1 });
    for (const kid of [undefined, "server", `lab-${LAB}-`, `lab-${LAB}-12345`, "lab-NOTALAB00-1", `lab-${LAB}-1x`]) expect(parseLabKid(kid)).toBeNull();
  });

  it("generations that verify: the signer, and retiring ones until their time", () => {
    const state = { generation: 3, retiring: [{ generation: 1, retiresAt: T0 - 1 }, { generation: 2, retiresAt: T0 + 1000 }] };
    expect(acceptedGenerations(state, T0)).toEqual([3, 2]);
    expect(acceptedGenerations(state, T0 + 1000)).toEqual([3]);
  });

  for (const alg of ["HS256", "ES256", "EdDSA"] as const) {
    describe(alg, () => {
      it("derives the same key on every instance (same secret, lab and generation), and a different one for any other", async () => {
        const a = await new LabKeyDeriver(JWT_SECRET, alg).material(LAB, 1);
        const b = await new LabKeyDeriver(JWT_SECRET, alg).material(LAB, 1);
        const token = await new SignJWT({}).setProtectedHeader({ alg, kid: a.kid }).sign(a.signingKey);
        await expect(jwtVerify(token, b.verifyKey, { algorithms: [alg] })).resolves.toBeTruthy();
        for (const other of [await new LabKeyDeriver(JWT_SECRET, alg).material(LAB, 2), await new LabKeyDeriver(JWT_SECRET, alg).material(OTHER_LAB, 1), await new LabKeyDeriver(OTHER_JWT_SECRET, alg).material(LAB, 1)]) {
          await expect(jwtVerify(token, other.verifyKey, { algorithms: [alg] })).rejects.toThrow();
        }
        if (alg === "HS256") expect(a.publicJwk).toBeNull();
        else expect(a.publicJwk).toMatchObject({ kid: a.kid, alg, use: "sig" });
        if (a.publicJwk) expect(a.publicJwk).not.toHaveProperty("d");
      });

      it("a lab that never rotated uses the server's key set itself", async () => {
        const server = await serverKeys(alg);
        const sets = new LabKeySets(new LabKeyDeriver(JWT_SECRET, alg));
        expect(await sets.forLab(server, LAB, { generation: 0, retiring: [] }, T0)).toBe(server);
      });

      it("after a rotation: the new key signs, the server's key verifies until it retires, another lab's key never does", async () => {
        const server = await serverKeys(alg);
        const sets = new LabKeySets(new LabKeyDeriver(JWT_SECRET, alg));
        const before = await sign(server);
        const rotated = { generation: 1, retiring: [{ generation: 0, retiresAt: T0 + 60_000 }] };
        const lab = await sets.forLab(server, LAB, rotated, T0);
        expect(lab.signingKid).toBe(labKid(LAB, 1));
        const after = await sign(lab);
        expect(await verifies(lab, before)).toBe(true);
        expect(await verifies(lab, after)).toBe(true);
        // Past its retirement the old key is gone from the set (a token it signed has expired by then).
        const later = await sets.forLab(server, LAB, rotated, T0 + 60_000);
        expect(await verifies(later, before)).toBe(false);
        expect(await verifies(later, after)).toBe(true);
        // The same generation in another lab is another key: this lab's token is unknown there.
        const other = await sets.forLab(server, OTHER_LAB, rotated, T0);
        expect(await verifies(other, after)).toBe(false);
        expect(await verifies(server, after)).toBe(false);
      });

      it("a lab still on the server's keys already publishes its first own key", async () => {
        const server = await serverKeys(alg);
        const sets = new LabKeySets(new LabKeyDeriver(JWT_SECRET, alg));
        const kids = (await sets.jwks(server, LAB, { generation: 0, retiring: [] }, T0)).keys.map((k) => k.kid);
        expect(kids).toEqual(alg === "HS256" ? [] : [server.signingKid, labKid(LAB, 1)]);
      });

      it("publishes the next key before it signs (asymmetric only), never a private part", async () => {
        const server = await serverKeys(alg);
        const sets = new LabKeySets(new LabKeyDeriver(JWT_SECRET, alg));
        const lab = await sets.forLab(server, LAB, { generation: 1, retiring: [{ generation: 0, retiresAt: T0 + 60_000 }] }, T0);
        const kids = lab.jwks().keys.map((k) => k.kid);
        if (alg === "HS256") {
          expect(kids).toEqual([]);
          return;
        }
        expect(kids).toEqual([server.signingKid, labKid(LAB, 1), labKid(LAB, 2)]);
        for (const key of lab.jwks().keys) expect(key).not.toHaveProperty("d");
        // A verifier holding only this JWKS accepts the next generation's tokens the moment it signs.
        const next = await sets.forLab(server, LAB, { generation: 2, retiring: [{ generation: 1, retiresAt: T0 + 60_000 }] }, T0);
        const token = await sign(next);
        await expect(jwtVerify(token, createLocalJWKSet(lab.jwks()), { algorithms: [alg] })).resolves.toBeTruthy();
      });
    });
  }
});
