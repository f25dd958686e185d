import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetAppEnvForTests } from "../config/env";
import { isCrossOriginRequest } from "./cross-origin";

const HOST = "authlab.test:3000";

function request(method: string, headers: Record<string, string>): Request {
  return new Request(`http://${HOST}/api/auth/logout`, { method, headers: { host: HOST, ...headers } });
}

describe("isCrossOriginRequest (Go 1.25 CrossOriginProtection semantics)", () => {
  beforeEach(() => {
    delete process.env.TRUSTED_ORIGINS;
    resetAppEnvForTests();
  });
  afterEach(() => {
    delete process.env.TRUSTED_ORIGINS;
    resetAppEnvForTests();
  });

  it.each(["GET", "HEAD", "OPTIONS"])("lets the safe method %s through even when it is cross-site", (method) => {
    expect(isCrossOriginRequest(request(method, { "sec-fetch-site": "cross-site", origin: "https://evil.test" }))).toBe(false);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("refuses %s with Sec-Fetch-Site: cross-site", (method) => {
    expect(isCrossOriginRequest(request(method, { "sec-fetch-site": "cross-site" }))).toBe(true);
  });

  it("refuses Sec-Fetch-Site: same-site (a sibling subdomain is another origin)", () => {
    expect(isCrossOriginRequest(request("POST", { "sec-fetch-site": "same-site", origin: "https://blog.authlab.test" }))).toBe(true);
  });

  it("passes Sec-Fetch-Site: same-origin and none (typed URL, bookmark)", () => {
    expect(isCrossOriginRequest(request("POST", { "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossOriginRequest(request("POST", { "sec-fetch-site": "none" }))).toBe(false);
  });

  it("trusts Sec-Fetch-Site over a matching Origin: cross-site is refused even if Origin looks like ours", () => {
    expect(isCrossOriginRequest(request("POST", { "sec-fetch-site": "cross-site", origin: `http://${HOST}` }))).toBe(true);
  });

  it("without Sec-Fetch-Site (older browsers) compares Origin with Host", () => {
    expect(isCrossOriginRequest(request("POST", { origin: `http://${HOST}` }))).toBe(false);
    expect(isCrossOriginRequest(request("POST", { origin: "http://evil.test" }))).toBe(true);
    // Same host name on another port is another origin.
    expect(isCrossOriginRequest(request("POST", { origin: "http://authlab.test:4000" }))).toBe(true);
  });

  it("refuses an opaque or unparseable Origin", () => {
    expect(isCrossOriginRequest(request("POST", { origin: "null" }))).toBe(true);
    expect(isCrossOriginRequest(request("POST", { origin: "::not a url::" }))).toBe(true);
  });

  it("passes a request with neither header: not a browser, so it carries no victim's cookies", () => {
    expect(isCrossOriginRequest(request("POST", {}))).toBe(false);
  });

  it("passes a trusted origin, with and without Sec-Fetch-Site, and only that exact origin", () => {
    process.env.TRUSTED_ORIGINS = "https://partner.test, https://other.test";
    resetAppEnvForTests();
    expect(isCrossOriginRequest(request("POST", { "sec-fetch-site": "cross-site", origin: "https://partner.test" }))).toBe(false);
    expect(isCrossOriginRequest(request("POST", { origin: "https://other.test" }))).toBe(false);
    expect(isCrossOriginRequest(request("POST", { "sec-fetch-site": "cross-site", origin: "https://partner.test:8443" }))).toBe(true);
    expect(isCrossOriginRequest(request("POST", { "sec-fetch-site": "cross-site", origin: "http://partner.test" }))).toBe(true);
    expect(isCrossOriginRequest(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(true);
  });
});
