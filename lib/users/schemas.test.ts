import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS } from "./password-limits";
import { changePasswordSchema, credentialsSchema, emailSchema, loginSchema, passwordSchema } from "./schemas";

describe("passwordSchema (docs/SECURITY.md § Passwords and accounts: 8…128 characters, never truncated)", () => {
  it("has the documented limits", () => {
    expect(PASSWORD_MIN_CHARS).toBe(8);
    expect(PASSWORD_MAX_CHARS).toBe(128);
  });

  it("accepts 8 and 128 characters unchanged", () => {
    for (const length of [8, 64, 128]) {
      const password = "p".repeat(length - 1) + "!";
      const result = passwordSchema.safeParse(password);
      expect(result.success).toBe(true);
      expect(result.data).toBe(password);
    }
  });

  it("refuses 7 characters", () => {
    expect(passwordSchema.safeParse("1234567").success).toBe(false);
  });

  it("refuses 129 characters instead of truncating them to 128", () => {
    const long = "q".repeat(129);
    const result = passwordSchema.safeParse(long);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe("too_big");
  });

  it("refuses a non-string", () => {
    expect(passwordSchema.safeParse(12345678).success).toBe(false);
  });
});

describe("emailSchema", () => {
  it("normalises before validating", () => {
    expect(emailSchema.parse("  ＡＬＩＣＥ@Example.com ")).toBe("alice@example.com");
  });

  it.each(["not-an-email", "a@", "@b.test", "", "a b@c.test"])("refuses %j", (raw) => {
    expect(emailSchema.safeParse(raw).success).toBe(false);
  });

  it("refuses more than 254 characters", () => {
    expect(emailSchema.safeParse(`${"a".repeat(250)}@b.test`).success).toBe(false);
  });
});

describe("strict body schemas", () => {
  it("credentialsSchema refuses unknown fields (no mass assignment of role)", () => {
    const result = credentialsSchema.safeParse({ email: "a@b.test", password: "long-enough", role: "admin" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
  });

  it("credentialsSchema enforces the minimum on sign-up but loginSchema lets old short passwords log in", () => {
    expect(credentialsSchema.safeParse({ email: "a@b.test", password: "short" }).success).toBe(false);
    expect(loginSchema.safeParse({ email: "a@b.test", password: "short" }).success).toBe(true);
    expect(loginSchema.safeParse({ email: "a@b.test", password: "" }).success).toBe(false);
  });

  it("loginSchema still refuses 129 characters", () => {
    expect(loginSchema.safeParse({ email: "a@b.test", password: "x".repeat(129) }).success).toBe(false);
    expect(loginSchema.safeParse({ email: "a@b.test", password: "x".repeat(128) }).success).toBe(true);
  });

  it("changePasswordSchema applies the full policy to the new password only", () => {
    expect(changePasswordSchema.safeParse({ currentPassword: "old", newPassword: "new-password-ok" }).success).toBe(true);
    expect(changePasswordSchema.safeParse({ currentPassword: "old", newPassword: "short" }).success).toBe(false);
    expect(changePasswordSchema.safeParse({ currentPassword: "old", newPassword: "n".repeat(129) }).success).toBe(false);
  });
});
