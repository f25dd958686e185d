import { sealData, unsealData } from "iron-session";
import { describe, expect, it } from "vitest";
import { decodeIronSeal, MAX_SEAL_INPUT_CHARS } from "./iron-seal";

/**
 * A seal made the way AuthLab makes its session cookie (iron-session sealData, a password map,
 * a TTL), from a password that exists only in this test.
 */
const TEST_PASSWORD = "test-only-seal-password-0123456789abcdef";
const TTL_SECONDS = 8 * 3600;

async function sampleSeal(): Promise<{ seal: string; sealedAt: number }> {
  const sealedAt = Date.now();
  const seal = await sealData({ t: "random-session-token", s: "memory" }, { password: { 1: TEST_PASSWORD }, ttl: TTL_SECONDS });
  return { seal, sealedAt };
}

describe("decodeIronSeal: a session cookie as far as a client can read it", () => {
  it("names all nine parts of a real seal and finds nothing wrong with it", async () => {
    const { seal, sealedAt } = await sampleSeal();
    const decoded = decodeIronSeal(seal, sealedAt);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.parts.map((p) => p.name)).toEqual(["prefix", "passwordId", "encryptionSalt", "iv", "ciphertext", "expiration", "hmacSalt", "hmac", "version"]);
    expect(decoded.parts.filter((p) => p.problem !== null)).toEqual([]);
    expect(decoded.wellFormed).toBe(true);
    expect(decoded.parts.find((p) => p.name === "passwordId")?.value).toBe("1");
    expect(decoded.parts.find((p) => p.name === "version")?.value).toBe("2");
  });

  it("reads the expiration (TTL minus nothing: iron stores now + ttl in ms) and the ciphertext length, nothing more", async () => {
    const { seal, sealedAt } = await sampleSeal();
    const decoded = decodeIronSeal(seal, sealedAt);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.expiration?.ms).toBeGreaterThanOrEqual(sealedAt + TTL_SECONDS * 1000);
    expect(decoded.expiration?.ms).toBeLessThan(sealedAt + TTL_SECONDS * 1000 + 5000);
    expect(decoded.expiration?.passed).toBe(false);
    // {"t":"random-session-token","s":"memory"} is 41 bytes; AES-CBC pads to the next 16.
    expect(decoded.ciphertextBytes).toBe(48);
    // The content is not in any part a client can read.
    expect(decoded.parts.some((p) => p.value.includes("random-session-token"))).toBe(false);
  });

  it("agrees with iron-session about which parts are which: the seal still unseals with the password", async () => {
    const { seal } = await sampleSeal();
    expect(await unsealData(seal, { password: { 1: TEST_PASSWORD }, ttl: TTL_SECONDS })).toEqual({ t: "random-session-token", s: "memory" });
    expect(await unsealData(seal, { password: { 1: "another-password-that-is-32-chars-long!!" }, ttl: TTL_SECONDS })).toEqual({});
  });

  it("takes the seal out of a pasted name=value or Cookie line", async () => {
    const { seal, sealedAt } = await sampleSeal();
    for (const pasted of [`__Host-session=${seal}`, `Cookie: mode=jwt; __Host-session=${seal}; other=1`, seal.replace(/\*/g, "%2A")]) {
      const decoded = decodeIronSeal(pasted, sealedAt);
      if (!decoded.ok) throw new Error(decoded.message);
      expect(decoded.wellFormed).toBe(true);
      expect(decoded.notes.length).toBeGreaterThan(0);
    }
  });

  it("a seal past its expiration says so", async () => {
    const { seal, sealedAt } = await sampleSeal();
    const decoded = decodeIronSeal(seal, sealedAt + (TTL_SECONDS + 60) * 1000);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.expiration?.passed).toBe(true);
  });

  it("flags parts that a genuine seal cannot have", async () => {
    const { seal, sealedAt } = await sampleSeal();
    const fields = seal.split("~")[0]?.split("*") ?? [];
    fields[2] = "not-hex";
    fields[4] = "abc";
    fields[5] = "soon";
    const decoded = decodeIronSeal(`${fields.join("*")}`, sealedAt);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.wellFormed).toBe(false);
    expect(decoded.parts.filter((p) => p.problem !== null).map((p) => p.name)).toEqual(["encryptionSalt", "ciphertext", "expiration", "version"]);
  });

  it.each([
    ["empty", "", /Paste the value/],
    ["a JWT", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc", /This is a JWT/],
    ["garbage", "hello", /starts with “Fe26.2\*”/],
    ["too few parts", "Fe26.2*1*abc~2", /8 parts .* this has 3/],
    ["huge", "Fe26.2*" + "a".repeat(MAX_SEAL_INPUT_CHARS), /at most 4 KiB/],
  ])("refuses %s in plain words", (_name, input, message) => {
    const decoded = decodeIronSeal(input, Date.now());
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(message);
  });
});
