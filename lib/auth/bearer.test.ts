import { describe, expect, it } from "vitest";
import { bearerToken, parseAuthorization } from "./bearer";

describe("parseAuthorization", () => {
  it("reads a Bearer token, the scheme case-insensitively", () => {
    expect(parseAuthorization("Bearer abc.def.ghi")).toEqual({ scheme: "bearer", token: "abc.def.ghi" });
    expect(parseAuthorization("bearer   abc.def.ghi ")).toEqual({ scheme: "bearer", token: "abc.def.ghi" });
  });

  it("a Bearer header without exactly one token is a malformed Bearer attempt, not a token", () => {
    expect(parseAuthorization("Bearer")).toEqual({ scheme: "bearer", token: null });
    expect(parseAuthorization("Bearer a b")).toEqual({ scheme: "bearer", token: null });
    expect(parseAuthorization("Bearer <script>")).toEqual({ scheme: "bearer", token: null });
  });

  it("regression: a Basic (or any other) header is another scheme, never taken for a token", () => {
    expect(parseAuthorization("Basic dXNlcjpwYXNz")).toEqual({ scheme: "other", name: "Basic" });
    expect(parseAuthorization("Digest username=x")).toEqual({ scheme: "other", name: "Digest" });
    expect(parseAuthorization("eyJhbGciOi.x.y")).toEqual({ scheme: "other", name: "eyJhbGciOi.x.y" });
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
  });

  it("no header, or an empty one, is none", () => {
    expect(parseAuthorization(null)).toEqual({ scheme: "none" });
    expect(parseAuthorization("   ")).toEqual({ scheme: "none" });
  });
});
