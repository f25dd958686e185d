import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROXY_MATCHER, proxyRunsOn } from "./proxy-paths";

describe("proxy paths", () => {
  it("lists exactly the matcher proxy.ts declares", () => {
    const source = readFileSync(path.join(__dirname, "../../proxy.ts"), "utf8");
    const literal = source.match(/matcher:\s*(\[[^\n]*\])/)?.[1];
    expect(literal).toBeDefined();
    expect(JSON.parse(literal ?? "[]")).toEqual([...PROXY_MATCHER]);
  });

  it("runs on the guarded API prefixes and on every page, not on other APIs or static files", () => {
    expect(proxyRunsOn("/api/admin/users")).toBe(true);
    expect(proxyRunsOn("/api/account/password")).toBe(true);
    expect(proxyRunsOn("/api/me")).toBe(false);
    expect(proxyRunsOn("/api/ping")).toBe(false);
    expect(proxyRunsOn("/api/admins")).toBe(false);
    for (const page of ["/", "/dashboard", "/dashboard/x", "/tour", "/scenarios/csrf"]) expect(proxyRunsOn(page), page).toBe(true);
    for (const file of ["/_next/static/chunks/a.js", "/favicon.ico", "/icon.svg", "/.well-known/jwks.json"]) expect(proxyRunsOn(file), file).toBe(false);
  });
});
