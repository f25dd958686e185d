import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GLOSSARY } from "./glossary";
import { KNOWN_STEP_NAMES, stepDetailWords, stepWords } from "./trace-words";

/** Every step name the strategies record (`trace.step("name", …)`), read from their source. */
function serverStepNames(): string[] {
  const dir = path.join(import.meta.dirname, "auth");
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.includes(".test.") && !f.includes(".contract."))) {
    for (const match of readFileSync(path.join(dir, file), "utf8").matchAll(/\.step\(\s*"([a-z-]+)"/g)) names.add(match[1]!);
  }
  return [...names];
}

describe("plain words for the server's trace steps", () => {
  it("has words for every step the strategies record, so no library name reaches the learner unexplained", () => {
    const names = serverStepNames();
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !KNOWN_STEP_NAMES.includes(name))).toEqual([]);
  });

  it("links every step to a glossary entry", () => {
    for (const name of KNOWN_STEP_NAMES) expect(GLOSSARY).toHaveProperty(stepWords({ name, label: "" })!.term);
  });

  it("keeps the library beside the plain words, not instead of them", () => {
    expect(stepWords({ name: "jwt-verify", label: "Verify signature and claims (jose jwtVerify)" })).toEqual({
      text: "Check the token's signature and claims",
      term: "jwt-verify",
      library: "jose jwtVerify",
    });
    expect(stepWords({ name: "unseal", label: "Unseal the cookie (iron-session)" })?.text).not.toContain("iron-session");
  });

  it("keeps the details the server's label carries: which store, which algorithm", () => {
    expect(stepWords({ name: "session-lookup", label: "Look the session up in the redis store" })?.text).toBe("Look the session up in the redis store");
    expect(stepWords({ name: "session-lookup", label: "Look the session up" })?.text).toBe("Look the session up");
    expect(stepWords({ name: "jwt-sign", label: "Sign the access token (ES256)" })?.text).toBe("Sign a new access token (ES256)");
  });

  it("leaves a step it does not know to the server's label", () => {
    expect(stepWords({ name: "something-new", label: "Something new" })).toBeNull();
  });

  it("says what a cached verification means instead of 'cached'", () => {
    const words = stepDetailWords({ name: "jwt-verify", detail: "Signature already verified by this instance: cached; exp, nbf and iat re-checked now" });
    expect(words).toEqual({ text: expect.stringContaining("remembered") as string, term: "cached-verification" });
    expect(stepDetailWords({ name: "read-credential", detail: "From cookie" })).toEqual({ text: "From cookie" });
    expect(stepDetailWords({ name: "read-credential" })).toBeNull();
  });
});
