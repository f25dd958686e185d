import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

describe("safeNextPath (docs/SECURITY.md § Cross-site requests and redirects: redirect targets are same-origin paths)", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/lab?mode=jwt", "/lab?mode=jwt"],
    ["/admin#users", "/admin#users"],
    ["/a/b/../c", "/a/c"],
  ])("keeps the same-origin path %s", (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  it.each([
    ["an absolute URL", "https://evil.test/"],
    ["a protocol-relative URL", "//evil.test"],
    ["a backslash that browsers read as a slash", "/\\evil.test"],
    ["a backslash later in the path", "/ok\\..\\evil"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,hi"],
    ["a relative path", "dashboard"],
    ["a tab inside the authority", "/\t/evil.test"],
    ["a newline (header injection)", "/x\r\nSet-Cookie: a=b"],
    ["an over-long value", `/${"a".repeat(600)}`],
    ["empty", ""],
  ])("falls back for %s", (_label, raw) => {
    expect(safeNextPath(raw)).toBe("/dashboard");
  });

  // Regression: dot segments normalise "/.//evil.test" into the path "//evil.test", which a
  // browser resolves as the protocol-relative URL https://evil.test — an open redirect.
  it.each(["/.//evil.test", "/a/..//evil.test", "/foo/../..//evil.test", "/%2e//evil.test", "/%2e%2e//evil.test"])(
    "falls back when dot segments normalise %s into a protocol-relative path",
    (raw) => {
      const result = safeNextPath(raw);
      expect(result).toBe("/dashboard");
      expect(new URL(result, "https://authlab.test").origin).toBe("https://authlab.test");
    },
  );

  it("falls back for null and undefined and honours a custom fallback", () => {
    expect(safeNextPath(null)).toBe("/dashboard");
    expect(safeNextPath(undefined)).toBe("/dashboard");
    expect(safeNextPath("//evil.test", "/login")).toBe("/login");
  });

  it("never returns anything that resolves off-origin, for a batch of tricky inputs", () => {
    const inputs = ["/", "/%5cevil.test", "/%2f%2fevil.test", "/..", "/./", "/?next=//evil.test", "/#//evil.test", "/@evil.test", "/:evil.test"];
    for (const raw of inputs) {
      const result = safeNextPath(raw);
      expect(result.startsWith("/") && !result.startsWith("//"), raw).toBe(true);
      expect(new URL(result, "https://authlab.test").origin, raw).toBe("https://authlab.test");
    }
  });
});
