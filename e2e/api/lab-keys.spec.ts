// Lesson: rotating a signing key without logging anybody out. A lab rotates its own key: new tokens
// carry the new kid at once, tokens signed before keep verifying until they expire, and nothing
// moves for any other lab. (The second service following a lab's JWKS needs ES256/EdDSA:
// test/process/lab-keys.process.test.ts.)
import { decodeProtectedHeader } from "jose";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { COOKIE, cookieHeader, cookieValue, DEMO, expectError, inLab } from "../fixtures/api";

interface KeysView {
  alg: string;
  labId: string;
  keys: { kid: string; generation: number; status: "signing" | "verify-only" | "published-ahead"; retiresAt: string | null }[];
  jwksUrl: string;
  publishable: boolean;
}

async function newLab(request: APIRequestContext): Promise<{ id: string; cookie: string }> {
  const body = (await (await request.post("/api/labs")).json()) as { lab: { id: string }; cookie: { name: string; value: string } };
  return { id: body.lab.id, cookie: `${body.cookie.name}=${body.cookie.value}` };
}

async function token(request: APIRequestContext, lab: string, user: { email: string; password: string } = DEMO.alice): Promise<string> {
  const res = await request.post("/api/auth/jwt/login?cookies=none", { data: user, headers: inLab(lab) });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const kidOf = (jwt: string) => decodeProtectedHeader(jwt).kid;

test.describe("A lab rotates its own signing key", () => {
  test("new tokens carry the new kid, old ones verify until they expire, another lab is untouched, a reset goes back to the server's key", async ({ request }) => {
    const lab = await newLab(request);
    const other = await newLab(request);
    const keys = async (which = lab) => (await (await request.get("/api/labs/current/keys", { headers: inLab(which.cookie) })).json()) as KeysView;
    const me = (jwt: string, which = lab) => request.get("/api/me?mode=jwt", { headers: inLab(which.cookie, { authorization: `Bearer ${jwt}` }) });

    const before = await token(request, lab.cookie);
    const serverKid = kidOf(before);
    const initial = await keys();
    expect(initial.keys).toEqual([
      { kid: serverKid, generation: 0, status: "signing", retiresAt: null },
      { kid: `lab-${lab.id}-1`, generation: 1, status: "published-ahead", retiresAt: null },
    ]);
    expect(initial.publishable).toBe(false); // HS256: a secret, nothing to publish

    // Only the lab's admin rotates.
    await expectError(await request.post("/api/labs/current/keys", { headers: inLab(lab.cookie, { authorization: `Bearer ${before}` }) }), 403, "FORBIDDEN");
    await expectError(await request.post("/api/labs/current/keys", { headers: inLab(lab.cookie) }), 401, "UNAUTHENTICATED");
    const admin = await token(request, lab.cookie, DEMO.admin);
    const rotated = await request.post("/api/labs/current/keys", { headers: inLab(lab.cookie, { authorization: `Bearer ${admin}` }) });
    expect(rotated.status()).toBe(200);
    const view = (await rotated.json()) as KeysView;
    expect(view.keys.map((k) => [k.kid, k.status])).toEqual([
      [`lab-${lab.id}-1`, "signing"],
      [serverKid, "verify-only"],
      [`lab-${lab.id}-2`, "published-ahead"],
    ]);
    // The old key verifies for one access lifetime (15 min) and the clock tolerance, no longer.
    const retiresIn = Date.parse(view.keys[1]!.retiresAt!) - Date.now();
    expect(retiresIn).toBeGreaterThan(14 * 60_000);
    expect(retiresIn).toBeLessThanOrEqual(15 * 60_000 + 6_000);

    const after = await token(request, lab.cookie);
    expect(kidOf(after)).toBe(`lab-${lab.id}-1`);
    expect((await me(before)).status()).toBe(200);
    expect((await me(after)).status()).toBe(200);

    // Nothing moved for the other lab: it still signs with the server's key, and this lab's key means nothing there.
    expect(kidOf(await token(request, other.cookie))).toBe(serverKid);
    expect((await keys(other)).keys[0]).toMatchObject({ kid: serverKid, status: "signing" });
    await expectError(await me(after, other), 401, "TOKEN_KEY_UNKNOWN");

    // A refresh after the rotation hands out a token with the new kid.
    const login = await request.post("/api/auth/jwt/login", { data: DEMO.alice, headers: inLab(lab.cookie) });
    const refreshed = await request.post("/api/auth/jwt/refresh", { headers: inLab(lab.cookie, { cookie: cookieHeader({ [COOKIE.refresh]: cookieValue(login, COOKIE.refresh) }) }) });
    expect(kidOf(((await refreshed.json()) as { accessToken: string }).accessToken)).toBe(`lab-${lab.id}-1`);

    // Past one access lifetime every token the old key signed has expired, so the key is dropped
    // from the lab's set: the old token is now refused before its exp is even read.
    expect((await request.post("/api/demo/clock", { data: { advanceSeconds: 16 * 60 }, headers: inLab(lab.cookie) })).status()).toBe(200);
    await expectError(await me(before), 401, "TOKEN_KEY_UNKNOWN");
    expect((await me(after)).status()).toBe(401); // expired too: it was signed 16 min ago
    expect((await keys()).keys.map((k) => k.kid)).toEqual([`lab-${lab.id}-1`, `lab-${lab.id}-2`]);

    // The lab's JWKS is public and, under HS256, empty; an unknown or malformed lab is a 404.
    const jwks = await request.get(`/api/labs/${lab.id}/jwks.json`);
    expect(jwks.status()).toBe(200);
    expect(await jwks.json()).toEqual({ keys: [] });
    await expectError(await request.get("/api/labs/zzzzzzzzzz/jwks.json"), 404, "NOT_FOUND");
    await expectError(await request.get("/api/labs/not-a-lab/jwks.json"), 404, "NOT_FOUND");

    // The reset takes the lab back to the server's key: tokens of the lab's own key are unknown again.
    expect((await request.post("/api/demo/reset", { headers: inLab(lab.cookie) })).status()).toBe(200);
    const fresh = await token(request, lab.cookie);
    expect(kidOf(fresh)).toBe(serverKid);
    expect((await me(fresh)).status()).toBe(200);
    await expectError(await me(after), 401, "TOKEN_KEY_UNKNOWN");
  });

  test("PATCH /api/settings cannot set the signing keys: only a rotation moves them", async ({ request }) => {
    const lab = await newLab(request);
    const admin = await token(request, lab.cookie, DEMO.admin);
    await expectError(
      await request.patch("/api/settings", { data: { signingKeys: { generation: 7, retiring: [] } }, headers: inLab(lab.cookie, { authorization: `Bearer ${admin}` }) }),
      400,
      "VALIDATION_FAILED",
    );
  });
});
