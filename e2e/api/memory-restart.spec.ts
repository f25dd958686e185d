// Lesson: what a restart does to sessions, by store. Sessions in the memory store live in the
// process: a restart loses them, and their cookies get 401 SESSION_NOT_FOUND — everyone on them is
// logged out. The database keeps its own. "Restart the memory store" empties one lab's memory
// sessions for real (the adapter's data), as a restart would, and nothing else. Which store new
// sessions go to is the operator's server-wide choice, so this spec moves it (and puts it back):
// a lab cannot choose. (A real second process: test/process/memory-restart.process.test.ts.)
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { adminToken, COOKIE, cookieHeader, cookieValue, DEMO, expectError, inLab, OPERATOR_TOKEN } from "../fixtures/api";

interface RestartAnswer {
  labId: string;
  droppedSessions: number;
  kept: { kind: string; sessions: number | null }[];
  activeSessionStore: string;
}

async function newLab(request: APIRequestContext): Promise<{ id: string; cookie: string }> {
  const body = (await (await request.post("/api/labs")).json()) as { lab: { id: string }; cookie: { name: string; value: string } };
  return { id: body.lab.id, cookie: `${body.cookie.name}=${body.cookie.value}` };
}

async function sessionsGoTo(request: APIRequestContext, sessionStore: "memory" | "database"): Promise<void> {
  const response = await request.patch("/api/operator/settings", { data: { sessionStore }, headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
  expect(response.status()).toBe(200);
}

async function session(request: APIRequestContext, lab: string): Promise<string> {
  const response = await request.post("/api/auth/session/login", { data: DEMO.alice, headers: inLab(lab) });
  expect(response.status()).toBe(200);
  return cookieHeader({ [COOKIE.session]: cookieValue(response, COOKIE.session) });
}

function me(request: APIRequestContext, lab: string, cookie: string): Promise<APIResponse> {
  return request.get("/api/me?mode=session", { headers: inLab(lab, { cookie }) });
}

function restart(request: APIRequestContext, lab: string, headers: Record<string, string>): Promise<APIResponse> {
  return request.post("/api/labs/current/memory-store/restart", { headers: inLab(lab, headers) });
}

test.describe("Restarting a lab's memory store", () => {
  test("memory sessions of the lab die (401 SESSION_NOT_FOUND); its database session survives; another lab's memory sessions survive", async ({ request }) => {
    const before = ((await (await request.get("/api/operator/settings")).json()) as { settings: { sessionStore: "memory" | "database" } }).settings.sessionStore;
    const lab = await newLab(request);
    const other = await newLab(request);
    try {
      await sessionsGoTo(request, "database");
      const inDatabase = await session(request, lab.cookie);
      await sessionsGoTo(request, "memory");
      const inMemory = await session(request, lab.cookie);
      const otherInMemory = await session(request, other.cookie);
      expect((await me(request, lab.cookie, inMemory)).status()).toBe(200);

      const answer = await restart(request, lab.cookie, { authorization: `Bearer ${await adminToken(request, lab.cookie)}` });
      expect(answer.status()).toBe(200);
      expect((await answer.json()) as RestartAnswer).toMatchObject({ labId: lab.id, droppedSessions: 1, kept: [{ kind: "database", sessions: 1 }], activeSessionStore: "memory" });

      // What a restart does: the memory store has forgotten the session, so its cookie finds nothing.
      await expectError(await me(request, lab.cookie, inMemory), 401, "SESSION_NOT_FOUND");
      // Another lab's memory sessions are not this lab's to restart.
      expect((await me(request, other.cookie, otherInMemory)).status()).toBe(200);
      // The database kept its session, as it keeps it through a restart.
      await sessionsGoTo(request, "database");
      expect((await me(request, lab.cookie, inDatabase)).status()).toBe(200);
    } finally {
      await sessionsGoTo(request, before);
    }
  });

  test("only the lab's admin restarts it; GET changes nothing", async ({ request }) => {
    const lab = await newLab(request);
    await expectError(await restart(request, lab.cookie, {}), 401, "UNAUTHENTICATED");
    const alice = ((await (await request.post("/api/auth/jwt/login?cookies=none", { data: DEMO.alice, headers: inLab(lab.cookie) })).json()) as { accessToken: string }).accessToken;
    await expectError(await restart(request, lab.cookie, { authorization: `Bearer ${alice}` }), 403, "FORBIDDEN");
    await expectError(await request.get("/api/labs/current/memory-store/restart", { headers: inLab(lab.cookie) }), 405, "METHOD_NOT_ALLOWED");
  });
});
