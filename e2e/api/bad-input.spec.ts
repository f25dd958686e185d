import { expect, test } from "@playwright/test";
import { adminToken, COOKIE, cookieHeader, expectError, register, sessionLogin } from "../fixtures/api";

/**
 * Errors are part of the product: every JSON endpoint answers bad input with a 4xx and a stable
 * code, never a 500, and never loses the caller's session.
 */
const JSON_ENDPOINTS: { method: "post" | "put" | "patch"; path: string; auth?: "session" | "admin" }[] = [
  { method: "post", path: "/api/auth/register" },
  { method: "post", path: "/api/auth/session/login" },
  { method: "post", path: "/api/auth/jwt/login" },
  { method: "put", path: "/api/mode" },
  { method: "post", path: "/api/demo/clock" },
  { method: "post", path: "/api/account/password", auth: "session" },
  { method: "patch", path: "/api/settings", auth: "admin" },
];

test.describe("Bad input gets a 4xx with an error code, never a 500", () => {
  let sessionCookie = "";
  let adminBearer = "";

  test.beforeAll(async ({ request }) => {
    const user = await register(request);
    sessionCookie = cookieHeader({ [COOKIE.session]: (await sessionLogin(request, user)).seal });
    adminBearer = `Bearer ${await adminToken(request)}`;
  });

  function authHeaders(auth?: "session" | "admin"): Record<string, string> {
    if (auth === "session") return { cookie: sessionCookie };
    if (auth === "admin") return { authorization: adminBearer };
    return {};
  }

  for (const endpoint of JSON_ENDPOINTS) {
    test(`${endpoint.method.toUpperCase()} ${endpoint.path}`, async ({ request }) => {
      const send = (body: string | Buffer, contentType: string) =>
        request.fetch(endpoint.path, { method: endpoint.method.toUpperCase(), data: Buffer.from(body), headers: { ...authHeaders(endpoint.auth), "content-type": contentType } });

      await expectError(await send("{not json", "application/json"), 400, "INVALID_JSON");
      await expectError(await send('{"email":"a@b.c"}', "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE");
      await expectError(await send("email=a%40b.c&password=x", "application/x-www-form-urlencoded"), 415, "UNSUPPORTED_MEDIA_TYPE");
      await expectError(await send(JSON.stringify({ padding: "x".repeat(20_000) }), "application/json"), 413, "PAYLOAD_TOO_LARGE");
      await expectError(await send("[]", "application/json"), 400, "VALIDATION_FAILED");
      await expectError(await send("null", "application/json"), 400, "VALIDATION_FAILED");
      await expectError(await send('{"email":42,"password":["x"],"mode":7,"advanceSeconds":"soon","currentPassword":false,"denylistEnabled":"yes"}', "application/json"), 400, "VALIDATION_FAILED");
    });
  }

  test("the session survives all of it", async ({ request }) => {
    expect((await request.get("/api/me?mode=session", { headers: { cookie: sessionCookie } })).status()).toBe(200);
  });

  test("validation errors name the failing fields", async ({ request }) => {
    const res = await request.post("/api/auth/register", { data: { email: "not-an-email", password: "short" } });
    const body = await expectError(res, 400, "VALIDATION_FAILED");
    const fields = (body.error as { details: { fields: { path: string }[] } }).details.fields.map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(["email", "password"]));
  });

  test("passwords are 8 to 128 characters and never truncated", async ({ request }) => {
    await expectError(await request.post("/api/auth/register", { data: { email: "long@example.com", password: "p".repeat(129) } }), 400, "VALIDATION_FAILED");
    const user = await register(request, undefined, "p".repeat(128));
    // A 129-character password that shares the first 128 must not log in as this user.
    await expectError(await request.post("/api/auth/session/login", { data: { email: user.email, password: "p".repeat(129) } }), 400, "VALIDATION_FAILED");
    await expectError(await request.post("/api/auth/session/login", { data: { email: user.email, password: "p".repeat(127) } }), 401, "INVALID_CREDENTIALS");
  });

  test("unknown ids and unknown methods", async ({ request }) => {
    const headers = { authorization: adminBearer };
    await expectError(await request.patch("/api/admin/users/no-such-user", { data: { role: "admin" }, headers }), 404, "NOT_FOUND");
    await expectError(await request.post("/api/admin/users/no-such-user/revoke", { headers }), 404, "NOT_FOUND");
    await expectError(await request.patch("/api/admin/users/no-such-user", { data: { role: "root" }, headers }), 400, "VALIDATION_FAILED");
    await expectError(await request.delete("/api/auth/session/sessions/not-hex", { headers: { cookie: sessionCookie } }), 404, "NOT_FOUND");
  });

  test("an API path no route answers is a JSON 404, whatever the method", async ({ request }) => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      await expectError(await request.fetch("/api/no-such-route/deeper", { method, data: method === "GET" ? undefined : {} }), 404, "NOT_FOUND");
    }
  });
});
