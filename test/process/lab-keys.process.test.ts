// Key rotation, shown end to end with the key a second service can follow: an ES256 instance of the
// production build, and the second service (scripts/verifier-service.mjs, its own process, no
// secret) reading AuthLab's published keys. A lab rotates its own key: the second service picks up
// the new kid from the lab's JWKS by itself (it was published before it signed), and tokens signed
// with the old key keep verifying there too.
import path from "node:path";
import { decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureAsymmetricKeyFile } from "../../scripts/lib/app-process.mjs";
import { sqliteBacking, startInstance, testPort, type Backing, type Instance } from "./cluster";
import { startVerifier } from "../verifier";
import { ALICE, call } from "./http";

const ADMIN = { email: "admin@example.com", password: "admin-demo-pass" };

describe("a lab rotates its ES256 key; the second service follows its JWKS", () => {
  let backing: Backing;
  let app: Instance;
  let verifier: Awaited<ReturnType<typeof startVerifier>> | undefined;
  let verifierUrl: string;

  beforeAll(async () => {
    backing = await sqliteBacking();
    const keysFile = path.join(backing.env.AUTHLAB_DATA_DIR!, "jwt-keys.json");
    await ensureAsymmetricKeyFile(keysFile, "ES256");
    app = await startInstance("es256", { ...backing.env, JWT_ALG: "ES256", JWT_KEYS_FILE: keysFile });
    verifier = await startVerifier(await testPort(), `${app.url}/.well-known/jwks.json`);
    verifierUrl = verifier.url;
  });

  afterAll(async () => {
    verifier?.stop();
    await app?.stop();
    await backing?.dispose();
  });

  test("the new kid at once, the old token still accepted by AuthLab and the second service, another lab's token refused with the lab's key", async () => {
    const created = await call<{ cookie: { name: string; value: string }; lab: { id: string } }>(app.url, "/api/labs", { method: "POST" });
    const lab = `${created.body.cookie.name}=${created.body.cookie.value}`;
    const labId = created.body.lab.id;
    const login = async (user = ALICE) => (await call<{ accessToken: string }>(app.url, "/api/auth/jwt/login?cookies=none", { method: "POST", body: user, headers: { cookie: lab } })).body.accessToken;
    const second = async (token: string) => {
      const res = await fetch(`${verifierUrl}/whoami`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as { verifiedWith?: { kid: string; jwksUrl: string }; error?: { code: string } } };
    };

    const before = await login();
    const serverKid = decodeProtectedHeader(before).kid;
    expect((await second(before)).status).toBe(200);

    // The lab's JWKS lists the server's key and, published ahead, the lab's first own key.
    const jwks = (await call<{ keys: { kid: string; d?: string }[] }>(app.url, `/api/labs/${labId}/jwks.json`)).body.keys;
    expect(jwks.map((k) => k.kid)).toEqual([serverKid, `lab-${labId}-1`]);
    expect(jwks.every((k) => k.d === undefined)).toBe(true);

    const admin = await login(ADMIN);
    const rotated = await call(app.url, "/api/labs/current/keys", { method: "POST", headers: { cookie: lab, authorization: `Bearer ${admin}` } });
    expect(rotated.status).toBe(200);

    const after = await login();
    expect(decodeProtectedHeader(after).kid).toBe(`lab-${labId}-1`);
    const followed = await second(after);
    expect(followed.status).toBe(200);
    expect(followed.body.verifiedWith).toMatchObject({ kid: `lab-${labId}-1` });
    expect(followed.body.verifiedWith?.jwksUrl).toBe(`${app.url}/api/labs/${labId}/jwks.json`);
    // Tokens signed with the old key keep verifying, at AuthLab and at the second service.
    expect((await call(app.url, "/api/me?mode=jwt", { headers: { cookie: lab, authorization: `Bearer ${before}` } })).status).toBe(200);
    expect((await second(before)).status).toBe(200);

    // Another lab never rotated: its tokens still carry the server's kid, and verify at the second service.
    const otherLab = await call<{ cookie: { name: string; value: string } }>(app.url, "/api/labs", { method: "POST" });
    const otherToken = (await call<{ accessToken: string }>(app.url, "/api/auth/jwt/login?cookies=none", { method: "POST", body: ALICE, headers: { cookie: `${otherLab.body.cookie.name}=${otherLab.body.cookie.value}` } })).body.accessToken;
    expect(decodeProtectedHeader(otherToken).kid).toBe(serverKid);
    expect((await second(otherToken)).status).toBe(200);
  });
});
