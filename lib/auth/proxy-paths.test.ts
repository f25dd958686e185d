import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROXY_MATCHER, proxyRunsOn } from "./proxy-paths";

describe("proxy paths", () => {
  it("lists exactly the matcher proxy.ts declares", () => {
    const source = readFileSync(path.join(__dirname, "../../proxy.ts"), "utf8");
    const literal = source.match(/matcher:\s*(\[[^\]]*\])/)?.[1];
    expect(literal).toBeDefined();
    expect(JSON.parse(literal ?? "[]")).toEqual([...PROXY_MATCHER]);
  });

  it("tells guarded paths from the rest", () => {
    expect(proxyRunsOn("/dashboard")).toBe(true);
    expect(proxyRunsOn("/dashboard/x")).toBe(true);
    expect(proxyRunsOn("/api/admin/users")).toBe(true);
    expect(proxyRunsOn("/api/me")).toBe(false);
    expect(proxyRunsOn("/dashboards")).toBe(false);
  });
});
