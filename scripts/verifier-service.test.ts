import type { ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVerifier } from "../test/verifier";

/**
 * The second service verifies AuthLab's access tokens with only the published JWKS: no database,
 * no session store, no shared secret. Here a tiny JWKS server stands in for AuthLab.
 */
describe("verifier service: verify without a central lookup", () => {
  let jwksServer: http.Server;
  let published: JWK[] = [];
  /** What /api/labs/<lab>/jwks.json answers, per lab. */
  const labPublished = new Map<string, JWK[]>();
  let verifier: ChildProcess;
  let verifierUrl: string;
  let sign: (claims: Record<string, unknown>, options?: { kid?: string; typ?: string }) => Promise<string>;
  let rotateIn: () => Promise<(claims: Record<string, unknown>) => Promise<string>>;

  async function makeKey(kid: string) {
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" } };
  }

  function token(privateKey: CryptoKey, kid: string, claims: Record<string, unknown>, typ = "at+jwt") {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid, typ }).setSubject("user-1").setJti(crypto.randomUUID()).setIssuedAt(now).setExpirationTime(now + 900).setIssuer("authlab").setAudience("authlab-api").sign(privateKey);
  }

  beforeAll(async () => {
    const first = await makeKey("es256-first");
    published = [first.jwk];
    sign = (claims, options = {}) => token(first.privateKey, options.kid ?? "es256-first", claims, options.typ);
    rotateIn = async () => {
      const next = await makeKey("es256-next");
      published = [...published, next.jwk];
      return (claims) => token(next.privateKey, "es256-next", claims);
    };
    jwksServer = http.createServer((req, res) => {
      const lab = /^\/api\/labs\/([a-z0-9]+)\/jwks\.json$/.exec(req.url ?? "")?.[1];
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: lab ? (labPublished.get(lab) ?? []) : published }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    const jwksPort = (jwksServer.address() as AddressInfo).port;
    const port = 40000 + Math.floor(Math.random() * 20000);
    const started = await startVerifier(port, `http://127.0.0.1:${jwksPort}/.well-known/jwks.json`);
    verifier = started.process;
    verifierUrl = started.url;
  });

  afterAll(async () => {
    verifier?.kill("SIGTERM");
    await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
  });

  const whoami = (headers: Record<string, string>) => fetch(`${verifierUrl}/whoami`, { headers });

  it("accepts an access token signed with a published key, with no store at all", async () => {
    const res = await whoami({ authorization: `Bearer ${await sign({ role: "user", email: "alice@example.com" })}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { id: string; role: string }; storeQueries: number; verifiedWith: { kid: string } };
    expect(body.user).toMatchObject({ id: "user-1", role: "user" });
    expect(body.storeQueries).toBe(0);
    expect(body.verifiedWith.kid).toBe("es256-first");
  });

  it("cannot do anything with a session cookie: it has no session store", async () => {
    const res = await whoami({ cookie: "__Host-session=Fe26.2*1*opaque" });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("SESSION_NOT_VERIFIABLE");
  });

  it("refuses HS256 (its secret is never published), tampered tokens, wrong typ and garbage", async () => {
    const hs = await new SignJWT({ role: "admin" }).setProtectedHeader({ alg: "HS256", kid: "es256-first" }).setSubject("x").sign(new TextEncoder().encode("a".repeat(32)));
    const good = await sign({ role: "user" });
    const [h, p, s] = good.split(".");
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, "base64url").toString()), role: "admin" })).toString("base64url")}.${s}`;
    const cases: [string, string][] = [
      [hs, "TOKEN_ALG_NOT_ALLOWED"],
      [tampered, "TOKEN_SIGNATURE_INVALID"],
      [await sign({ role: "user" }, { typ: "JWT" }), "TOKEN_CLAIM_INVALID"],
      ["not.a.jwt", "TOKEN_MALFORMED"],
    ];
    for (const [tokenValue, code] of cases) {
      const res = await whoami({ authorization: `Bearer ${tokenValue}` });
      expect(res.status, code).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });

  it("picks up a rotated-in key from the JWKS without a restart", async () => {
    const signNext = await rotateIn();
    const res = await whoami({ authorization: `Bearer ${await signNext({ role: "user" })}` });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { verifiedWith: { kid: string } }).verifiedWith.kid).toBe("es256-next");
    // The old key is still published, so its tokens keep working.
    expect((await whoami({ authorization: `Bearer ${await sign({ role: "user" })}` })).status).toBe(200);
  });

  it("checks a token of a lab against that lab's JWKS: a lab key verifies there, and a key only the lab's JWKS has is unknown to tokens of other labs", async () => {
    const lab = "k7mqp2xz9a";
    const labKey = await makeKey(`lab-${lab}-1`);
    labPublished.set(lab, [labKey.jwk]);
    const labToken = await token(labKey.privateKey, labKey.jwk.kid!, { role: "user", lab });
    const res = await whoami({ authorization: `Bearer ${labToken}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { verifiedWith: { kid: string; jwksUrl: string } };
    expect(body.verifiedWith.kid).toBe(`lab-${lab}-1`);
    expect(body.verifiedWith.jwksUrl).toMatch(new RegExp(`/api/labs/${lab}/jwks\\.json$`));
    // Claiming another lab only changes which of AuthLab's JWKS is read: there the key is unknown.
    const claimingOther = await token(labKey.privateKey, labKey.jwk.kid!, { role: "user", lab: "h3n8r4tw6b" });
    const refused = await whoami({ authorization: `Bearer ${claimingOther}` });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("TOKEN_KEY_UNKNOWN");
  });
});
