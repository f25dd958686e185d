import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { JWT_SECRET, SEAL_PASSWORD } from "@/test/auth-fixtures";
import { createTestDb, insertUser, type TestDb } from "@/test/sqlite-db";
import { logout } from "../auth/logout";
import { services } from "../auth/services";
import { resetAppEnvForTests } from "../config/env";
import { resetSecretsForTests } from "../config/secrets";
import { ApiError, StoreUnavailableError } from "../errors";
import { labCookie } from "../labs/lab-cookie";
import { Trace } from "../trace/trace";
import { requestContext, type RequestContext } from "./request-context";
import { errorJson, json, noContent } from "./respond";
import { apiRoute, labRoute } from "./route";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
  Object.assign(process.env, { SESSION_PASSWORD: SEAL_PASSWORD, JWT_SECRET, AUTHLAB_INSECURE_COOKIES: "false" });
  resetAppEnvForTests();
  resetSecretsForTests();
});

afterAll(async () => {
  await testDb.close();
});

const NO_PARAMS = { params: Promise.resolve({}) };

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}): NextRequest {
  return new NextRequest(new URL(path, "http://authlab.test"), { method: init.method ?? "GET", headers: { host: "authlab.test", ...init.headers } });
}

async function body(response: Response): Promise<{ error?: { code: string; message: string; details?: Record<string, unknown> } } & Record<string, unknown>> {
  return (await response.json()) as { error?: { code: string; message: string } } & Record<string, unknown>;
}

describe("the route wrappers: one shape for every answer", () => {
  it("a thrown ApiError is its status, code and message, with the API's headers", async () => {
    const route = apiRoute(async () => {
      throw new ApiError("VALIDATION_FAILED", { message: "email: not an email", details: { fields: ["email"] } });
    });
    const response = await route(request("/api/x", { method: "POST" }), NO_PARAMS);
    expect(response.status).toBe(400);
    expect((await body(response)).error).toMatchObject({ code: "VALIDATION_FAILED", message: "email: not an email", details: { fields: ["email"] } });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("a store outage is a 503 with Retry-After and no Set-Cookie: the credential is fine, the store is not", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const route = apiRoute(async () => {
      throw new StoreUnavailableError("redis timed out", { backend: "redis", retryAfterSeconds: 3 });
    });
    const response = await route(request("/api/x"), NO_PARAMS);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(response.headers.getSetCookie()).toEqual([]);
    expect((await body(response)).error).toMatchObject({ code: "STORE_UNAVAILABLE", details: { store: "redis" } });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("GET /api/x → 503"));
    warn.mockRestore();
  });

  it("a bug is a 500 INTERNAL_ERROR that shows nothing of the error, logged with the path but not the request's data", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const route = apiRoute(async () => {
      throw new Error("secret-in-the-message");
    });
    const response = await route(request("/api/x?token=secret-in-the-query", { headers: { cookie: "__Host-session=secret-cookie" } }), NO_PARAMS);
    expect(response.status).toBe(500);
    const text = JSON.stringify(await body(response));
    expect(text).toContain("INTERNAL_ERROR");
    expect(text).not.toContain("secret");
    const line = logged.mock.calls.flat().join(" ");
    expect(line).toContain("GET /api/x:");
    expect(line).not.toContain("secret-in-the-query");
    expect(line).not.toContain("secret-cookie");
    logged.mockRestore();
  });

  it("a cross-site POST is refused before the handler runs", async () => {
    const handler = vi.fn(async () => json({ ran: true }));
    const response = await apiRoute(handler)(request("/api/x", { method: "POST", headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" } }), NO_PARAMS);
    expect(response.status).toBe(403);
    expect((await body(response)).error?.code).toBe("CROSS_ORIGIN_REQUEST");
    expect(handler).not.toHaveBeenCalled();
  });

  it("labRoute builds one context before the handler: the lab from the cookie, the mode from ?mode=, the trace running", async () => {
    const seen: RequestContext[] = [];
    const route = labRoute(async (ctx) => {
      seen.push(ctx);
      return json({ lab: ctx.lab.id, mode: ctx.mode });
    });
    const response = await route(request("/api/x?mode=jwt"), NO_PARAMS);
    expect(await body(response)).toEqual({ lab: "default", mode: "jwt" });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.trace.toJSON().mode).toBe("jwt");
  });

  it("labRoute's 503 carries the trace: the step that met the store says it refused, in the body and in Server-Timing", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6379"), { code: "ECONNREFUSED" });
    const route = labRoute(async (ctx) =>
      ctx.trace.step("session-lookup", "Look the session up in the redis store", "store", () =>
        Promise.reject(new StoreUnavailableError("redis is unavailable", { cause: refused, backend: "redis", retryAfterSeconds: 2 })),
      ),
    );
    const response = await route(request("/api/x"), NO_PARAMS);
    expect(response.status).toBe(503);
    expect(response.headers.getSetCookie()).toEqual([]);
    const answer = (await body(response)) as { trace?: { steps: { name: string; outcome: string; detail?: string }[]; verdict: unknown } };
    expect(answer.trace?.steps).toEqual([expect.objectContaining({ name: "session-lookup", outcome: "fail", detail: "The redis store refused the connection (ECONNREFUSED)" })]);
    expect(answer.trace?.verdict).toEqual({ ok: false, status: 503, code: "STORE_UNAVAILABLE" });
    expect(response.headers.get("server-timing")).toMatch(/^0-session-lookup;dur=[\d.]+;desc="Look the session up in the redis store - failed: The redis store refused the connection \(ECONNREFUSED\)"$/);
    warn.mockRestore();
  });

  it("labRoute answers a forged lab cookie with 400 and a lab that is gone with 410, without running the handler", async () => {
    const handler = vi.fn(async () => json({ ran: true }));
    const forged = await labRoute(handler)(request("/api/x", { headers: { cookie: "__Host-lab=k7mqp2xz9a.AAAAAAAAAAAAAAAAAAAAAA" } }), NO_PARAMS);
    expect(forged.status).toBe(400);
    expect((await body(forged)).error?.code).toBe("LAB_COOKIE_INVALID");
    const gone = labCookie("k7mqp2xz9a");
    const missing = await labRoute(handler)(request("/api/x", { headers: { cookie: `${gone.name}=${gone.value}` } }), NO_PARAMS);
    expect(missing.status).toBe(410);
    expect((await body(missing)).error?.code).toBe("LAB_GONE");
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("responses", () => {
  it("json sets the cookies it is given and the trace's Server-Timing", async () => {
    const trace = new Trace("session", "test");
    await trace.step("session-lookup", "Look the session up", "store", async () => null);
    const response = json({ ok: true }, { trace, cookies: [{ name: "a", value: "1", attributes: { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 60 } }] });
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/; Max-Age=60; HttpOnly; Secure; SameSite=Lax"]);
    expect(response.headers.get("server-timing")).toMatch(/^\d+-session-lookup;dur=/);
  });

  it("a 204 carries its trace in X-AuthLab-Trace (there is no body), and errorJson marks the trace's verdict", async () => {
    const trace = new Trace("jwt", "test");
    const answer = noContent({ trace });
    expect(answer.status).toBe(204);
    const decoded = JSON.parse(Buffer.from(answer.headers.get("x-authlab-trace") ?? "", "base64url").toString("utf8")) as { mode: string };
    expect(decoded.mode).toBe("jwt");
    errorJson("TOKEN_EXPIRED", { trace });
    expect(trace.toJSON()).toMatchObject({ verdict: { ok: false, status: 401, code: "TOKEN_EXPIRED" } });
  });
});

describe("requireUser and logout", () => {
  async function contextWithToken(userId: string, email: string, role: "user" | "admin"): Promise<RequestContext> {
    const base = await requestContext({ input: { cookies: {} }, clientAddress: "test" });
    const { accessToken } = await services().jwt.issueAccessOnly({ id: userId, email, role }, base.auth);
    return requestContext({ input: { cookies: {}, authorization: `Bearer ${accessToken}` }, clientAddress: "test" });
  }

  it("an admin demoted since their token was signed is refused admin work: the role is read from the database", async () => {
    const user = await insertUser(testDb.db, { role: "user" });
    const ctx = await contextWithToken(user.id, user.email, "admin");
    await expect(ctx.requireUser()).resolves.toMatchObject({ user: { id: user.id } });
    await expect(ctx.requireUser({ role: "admin" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a disabled user is refused, whatever their token says", async () => {
    const user = await insertUser(testDb.db, { role: "admin", disabled: true });
    const ctx = await contextWithToken(user.id, user.email, "admin");
    await expect(ctx.requireUser({ role: "admin" })).rejects.toMatchObject({ code: "USER_DISABLED" });
  });

  it("logout while the store is down: 503 that says nothing was revoked, and the browser's cookies cleared anyway", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const ctx = await requestContext({ input: { cookies: {} }, clientAddress: "test" });
    const failing = {
      ...ctx,
      strategy: () => ({
        ...ctx.strategy("session"),
        revoke: async () => {
          throw new StoreUnavailableError("database timed out", { backend: "database", retryAfterSeconds: 2 });
        },
        clearCookies: () => ctx.strategy("session").clearCookies(),
      }),
    } satisfies RequestContext;
    const response = await logout(failing, "session", request("/api/auth/session/logout", { method: "POST" }));
    expect(response.status).toBe(503);
    expect((await body(response)).error).toMatchObject({ code: "STORE_UNAVAILABLE", details: { serverRevoked: false, store: "database" } });
    expect(response.headers.getSetCookie().some((c) => c.startsWith("__Host-session=;") && c.includes("Max-Age=0"))).toBe(true);
    warn.mockRestore();
  });
});
