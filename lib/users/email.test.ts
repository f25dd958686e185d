import { describe, expect, it } from "vitest";
import { normalizeEmail } from "./email";

describe("normalizeEmail (docs/SECURITY.md § Passwords and accounts: one person, one account)", () => {
  it("lower-cases and trims", () => {
    expect(normalizeEmail("  Alice@Example.COM \n")).toBe("alice@example.com");
  });

  it("folds full-width characters with NFKC", () => {
    expect(normalizeEmail("ａｌｉｃｅ@ｅｘａｍｐｌｅ.ｃｏｍ")).toBe("alice@example.com");
    expect(normalizeEmail("ＡＬＩＣＥ＠ＥＸＡＭＰＬＥ．ＣＯＭ")).toBe("alice@example.com");
  });

  it("makes composed and decomposed accents the same address", () => {
    const composed = "jos\u00e9@example.com";
    const decomposed = "jose\u0301@example.com";
    expect(composed).not.toBe(decomposed);
    expect(normalizeEmail(decomposed)).toBe(normalizeEmail(composed));
  });

  it("folds compatibility ligatures and superscripts", () => {
    expect(normalizeEmail("\ufb01nance@example.com")).toBe("finance@example.com");
    expect(normalizeEmail("user\u00b2@example.com")).toBe("user2@example.com");
  });

  it("is idempotent", () => {
    for (const raw of ["ＡＬＩＣＥ@example.com", " Bob@Example.com", "jose\u0301@EXAMPLE.com"]) {
      expect(normalizeEmail(normalizeEmail(raw))).toBe(normalizeEmail(raw));
    }
  });

  it("keeps distinct addresses distinct", () => {
    expect(normalizeEmail("alice@example.com")).not.toBe(normalizeEmail("alice2@example.com"));
    expect(normalizeEmail("alice@example.com")).not.toBe(normalizeEmail("alice@example.org"));
  });
});
