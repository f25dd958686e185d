import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appEnv, resetAppEnvForTests } from "../config/env";
import { ApiError } from "../errors";
import { configuredPeer, relayToPeer } from "./peer-relay";

/** A stand-in for another instance: records what it received, answers like /api/me, sets a cookie. */
let received: http.IncomingHttpHeaders[] = [];
let receivedPaths: string[] = [];
const peer = http.createServer((req, res) => {
  received.push(req.headers);
  receivedPaths.push(req.url ?? "");
  res.writeHead(401, { "content-type": "application/json", "set-cookie": "__Host-session=; Max-Age=0; Path=/; Secure; HttpOnly" });
  res.end(JSON.stringify({ error: { code: "SESSION_NOT_FOUND", message: "…" }, trace: { instanceId: "peer-b", steps: [] } }));
});
let peerUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => peer.listen(0, "127.0.0.1", resolve));
  peerUrl = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => peer.close(resolve));
});

function withPeers(value: string | undefined) {
  if (value === undefined) delete process.env.PEER_URLS;
  else process.env.PEER_URLS = value;
  resetAppEnvForTests();
}

afterEach(() => {
  withPeers(undefined);
  received = [];
  receivedPaths = [];
});

describe("PEER_URLS", () => {
  it("is a list of origins; paths and duplicates are dropped", () => {
    withPeers(" http://127.0.0.1:3002/ , https://b.example.test:8443/x,http://127.0.0.1:3002");
    expect(appEnv().peerUrls).toEqual(["http://127.0.0.1:3002", "https://b.example.test:8443"]);
  });

  it("refuses anything that is not an http(s) URL, naming the variable", () => {
    withPeers("file:///etc/passwd");
    expect(() => appEnv()).toThrow(/PEER_URLS/);
    withPeers("not a url");
    expect(() => appEnv()).toThrow(/PEER_URLS/);
  });
});

describe("configuredPeer (no SSRF: only what the operator listed)", () => {
  it("matches a configured origin exactly, whatever path the target carries", () => {
    withPeers("http://127.0.0.1:3002");
    expect(configuredPeer("http://127.0.0.1:3002")).toBe("http://127.0.0.1:3002");
    expect(configuredPeer("http://127.0.0.1:3002/api/me?x=1")).toBe("http://127.0.0.1:3002");
  });

  it("refuses other hosts, ports, schemes, userinfo tricks and garbage", () => {
    withPeers("http://127.0.0.1:3002");
    for (const target of ["http://127.0.0.1:3003", "https://127.0.0.1:3002", "http://169.254.169.254", "http://127.0.0.1:3002@evil.test", "//127.0.0.1:3002", "garbage"]) {
      expect(configuredPeer(target), target).toBeNull();
    }
  });

  it("refuses everything when no peers are configured", () => {
    expect(configuredPeer("http://127.0.0.1:3002")).toBeNull();
  });
});

describe("relayToPeer", () => {
  it("sends only the chosen credential, as the same header, to the peer's /api/me, and reports its answer and trace", async () => {
    withPeers(peerUrl);
    const result = await relayToPeer(peerUrl, "session", { cookies: { "__Host-session": "seal-value", "__Host-access": "jwt-value", mode: "jwt" }, authorization: null }, "default");
    expect(receivedPaths).toEqual(["/api/me?mode=session"]);
    expect(received[0]?.cookie).toBe("__Host-session=seal-value");
    expect(received[0]?.authorization).toBeUndefined();
    expect(result).toMatchObject({ target: peerUrl, credential: "session", status: 401, trace: { instanceId: "peer-b" }, request: { sends: "Cookie: __Host-session=…" } });
    // The value itself is never echoed back.
    expect(JSON.stringify(result.request)).not.toContain("seal-value");
  });

  it("sends the access token as a Bearer header, taken from Authorization before the cookie", async () => {
    withPeers(peerUrl);
    await relayToPeer(peerUrl, "access", { cookies: { "__Host-access": "cookie-token", "__Host-session": "seal" }, authorization: "Bearer header-token" }, "default");
    await relayToPeer(peerUrl, "access", { cookies: { "__Host-access": "cookie-token" }, authorization: null }, "default");
    expect(receivedPaths).toEqual(["/api/me?mode=jwt", "/api/me?mode=jwt"]);
    expect(received.map((h) => [h.authorization, h.cookie])).toEqual([
      ["Bearer header-token", undefined],
      ["Bearer cookie-token", undefined],
    ]);
  });

  it("refuses an unconfigured target before sending anything", async () => {
    withPeers(peerUrl);
    await expect(relayToPeer("http://127.0.0.1:1", "session", { cookies: { "__Host-session": "s" } }, "default")).rejects.toMatchObject({ code: "PEER_UNKNOWN", status: 400 });
    expect(received).toEqual([]);
  });

  it("says so when the caller holds no such credential (400, nothing sent)", async () => {
    withPeers(peerUrl);
    await expect(relayToPeer(peerUrl, "access", { cookies: {} }, "default")).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(received).toEqual([]);
  });

  it("turns an unreachable peer into 503 PEER_UNAVAILABLE with Retry-After", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    withPeers(deadUrl);
    const error = await relayToPeer(deadUrl, "session", { cookies: { "__Host-session": "s" } }, "default").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "PEER_UNAVAILABLE", status: 503, headers: { "Retry-After": "5" } });
  });
});
