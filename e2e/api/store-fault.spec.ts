// Lesson: a store outage, on demand, in one lab (docs/SECURITY.md "Stores and outages"). The lab's
// outage switch makes its session store and denylist store refuse every operation on the server,
// at the store adapter, exactly as a store that refuses connections does — what
// e2e/api/store-outage.spec.ts shows with a real Redis and PostgreSQL cut. What must hold:
// - sessions answer 503 STORE_UNAVAILABLE with Retry-After and no Set-Cookie: nobody is logged out;
// - JWTs keep verifying (no store needed), unless the denylist is on (then 503: fail closed);
// - login and logout behave as in a real outage; the trace and Server-Timing say the store refused;
// - another lab is untouched; the shared default lab never gets the switch; a reset turns it off;
// - switched off, the very same cookie works again.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { adminToken, COOKIE, cookieHeader, cookieValue, DEMO, expectError, inLab, setCookies } from "../fixtures/api";

interface FaultView {
  labId: string;
  on: boolean;
  available: boolean;
  sessionStore: string;
  denylistStore: string;
  denylistEnabled: boolean;
}

interface TraceBody {
  trace?: { steps: { name: string; outcome: string; detail?: string; storeQueries: number }[]; verdict: { status: number; code?: string } };
}

async function newLab(request: APIRequestContext): Promise<string> {
  const body = (await (await request.post("/api/labs")).json()) as { cookie: { name: string; value: string } };
  return `${body.cookie.name}=${body.cookie.value}`;
}

/** A learner's session in `lab`: the cookie pair to send along with the lab's. */
async function session(request: APIRequestContext, lab: string, user: { email: string; password: string } = DEMO.alice): Promise<string> {
  const response = await request.post("/api/auth/session/login", { data: user, headers: inLab(lab) });
  expect(response.status()).toBe(200);
  return cookieHeader({ [COOKIE.session]: cookieValue(response, COOKIE.session) });
}

async function accessToken(request: APIRequestContext, lab: string, user: { email: string; password: string } = DEMO.alice): Promise<string> {
  const response = await request.post("/api/auth/jwt/login?cookies=none", { data: user, headers: inLab(lab) });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function setFault(request: APIRequestContext, lab: string, on: boolean, headers: Record<string, string>): Promise<FaultView> {
  const response = await request.put("/api/labs/current/store-fault", { data: { on }, headers: inLab(lab, headers) });
  expect(response.status()).toBe(200);
  const view = (await response.json()) as FaultView;
  expect(view.on).toBe(on);
  return view;
}

function meWithSession(request: APIRequestContext, lab: string, cookie: string): Promise<APIResponse> {
  return request.get("/api/me?mode=session", { headers: inLab(lab, { cookie }) });
}

function meWithToken(request: APIRequestContext, lab: string, token: string): Promise<APIResponse> {
  return request.get("/api/me?mode=jwt", { headers: inLab(lab, { authorization: `Bearer ${token}` }) });
}

/** What a real refused connection answers: 503, the stable code, Retry-After, which store, and no cookie touched. */
async function expectRefused(response: APIResponse, store = "database"): Promise<TraceBody> {
  const body = await expectError(response, 503, "STORE_UNAVAILABLE");
  expect((body.error as { details?: { store?: string } }).details?.store).toBe(store);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  return body as TraceBody;
}

test.describe("A lab's outage switch", () => {
  test("on: the session gets 503 with its cookie left alone and JWTs keep verifying; with the denylist on they fail closed; off: the same cookie works — nobody was logged out", async ({ request }) => {
    const lab = await newLab(request);
    const cookie = await session(request, lab);
    const token = await accessToken(request, lab);
    const admin = { authorization: `Bearer ${await adminToken(request, lab)}` };
    expect((await meWithSession(request, lab, cookie)).status()).toBe(200);

    const view = await setFault(request, lab, true, admin);
    expect(view).toMatchObject({ available: true, sessionStore: "database", denylistStore: "database", denylistEnabled: false });

    const refused = await meWithSession(request, lab, cookie);
    const body = await expectRefused(refused);
    expect(setCookies(refused)).toEqual([]);
    // The trace says where the request stopped and why; Server-Timing says the same.
    expect(body.trace?.steps.find((s) => s.name === "session-lookup")).toMatchObject({ outcome: "fail", storeQueries: 1, detail: expect.stringContaining("refused the connection") });
    expect(body.trace?.verdict).toEqual({ ok: false, status: 503, code: "STORE_UNAVAILABLE" });
    expect(refused.headers()["server-timing"]).toMatch(/session-lookup;dur=[\d.]+;desc="[^"]*failed: The database store refused the connection \(ECONNREFUSED\)"/);

    // A JWT needs no store: the documented fail-open window.
    const verified = await meWithToken(request, lab, token);
    expect(verified.status()).toBe(200);
    expect(((await verified.json()) as TraceBody).trace?.steps.some((s) => s.name === "denylist-check")).toBe(false);

    // With the denylist on, every JWT needs its store: refused, never "not revoked".
    expect((await request.patch("/api/settings", { data: { denylistEnabled: true }, headers: inLab(lab, admin) })).status()).toBe(200);
    const closed = await expectRefused(await meWithToken(request, lab, token));
    expect(closed.trace?.steps.find((s) => s.name === "denylist-check")).toMatchObject({ outcome: "fail", storeQueries: 1 });
    // The admin's own token too: changing a setting now is a 503 like any authenticated request…
    await expectRefused(await request.patch("/api/settings", { data: { denylistEnabled: false }, headers: inLab(lab, admin) }));
    // …but the switch checks its admin past the outage, so it can always be turned off.
    await setFault(request, lab, false, admin);

    const back = await meWithSession(request, lab, cookie);
    expect(back.status()).toBe(200);
    expect(setCookies(back).filter((c) => c.name === COOKIE.session && c.value === "")).toEqual([]);
    expect((await meWithToken(request, lab, token)).status()).toBe(200);
  });

  test("login and logout during the outage behave as during a real one", async ({ request }) => {
    const lab = await newLab(request);
    const cookie = await session(request, lab);
    const admin = { authorization: `Bearer ${await adminToken(request, lab)}` };
    await setFault(request, lab, true, admin);

    // A session login cannot store its record: 503, no cookie.
    const login = await request.post("/api/auth/session/login", { data: DEMO.alice, headers: inLab(lab) });
    await expectRefused(login);
    expect(setCookies(login)).toEqual([]);
    // A JWT login needs no session store (users and refresh families are in the database proper).
    expect((await request.post("/api/auth/jwt/login?cookies=none", { data: DEMO.alice, headers: inLab(lab) })).status()).toBe(200);
    // Logout: the browser forgets the cookie (the user asked), and the 503 says the server did not delete the session.
    const logout = await request.post("/api/auth/session/logout", { headers: inLab(lab, { cookie }) });
    const body = await expectRefused(logout);
    expect((body as { error: { details: { serverRevoked: boolean } } }).error.details.serverRevoked).toBe(false);
    expect(setCookies(logout)).toEqual([expect.objectContaining({ name: COOKIE.session, value: "" })]);

    // The honest consequence, as after a real outage: the record survived, so a copy of the cookie works once the store is back.
    await setFault(request, lab, false, admin);
    expect((await meWithSession(request, lab, cookie)).status()).toBe(200);
  });

  test("another lab is untouched: its sessions keep answering 200 while this lab's store is down", async ({ request }) => {
    const labA = await newLab(request);
    const labB = await newLab(request);
    const inA = await session(request, labA);
    const inB = await session(request, labB);
    await setFault(request, labA, true, { authorization: `Bearer ${await adminToken(request, labA)}` });

    await expectRefused(await meWithSession(request, labA, inA));
    expect((await meWithSession(request, labB, inB)).status()).toBe(200);
    expect((await request.post("/api/auth/session/login", { data: DEMO.alice, headers: inLab(labB) })).status()).toBe(200);
    const viewB = (await (await request.get("/api/labs/current/store-fault", { headers: inLab(labB) })).json()) as FaultView;
    expect(viewB.on).toBe(false);
  });

  test("only the lab's own admin moves it; the shared default lab never has it; a reset turns it off", async ({ request }) => {
    const lab = await newLab(request);
    const other = await newLab(request);
    const put = (on: boolean, headers: Record<string, string>) => request.put("/api/labs/current/store-fault", { data: { on }, headers: inLab(lab, headers) });
    // No lab cookie: the server's default lab.
    const putInDefaultLab = (headers: Record<string, string>) => request.put("/api/labs/current/store-fault", { data: { on: true }, headers });

    await expectError(await put(true, {}), 401, "UNAUTHENTICATED");
    await expectError(await put(true, { authorization: `Bearer ${await accessToken(request, lab)}` }), 403, "FORBIDDEN");
    await expectError(await put(true, { authorization: `Bearer ${await adminToken(request, other)}` }), 401, "CREDENTIAL_OTHER_LAB");
    // It is not a setting like the others: PATCH /api/settings does not reach it.
    const admin = { authorization: `Bearer ${await adminToken(request, lab)}` };
    await expectError(await request.patch("/api/settings", { data: { storeFault: true }, headers: inLab(lab, admin) }), 400, "VALIDATION_FAILED");

    // The default lab is everyone's, and its admin password is public.
    const defaultAdmin = { authorization: `Bearer ${await adminToken(request)}` };
    await expectError(await putInDefaultLab(defaultAdmin), 403, "STORE_FAULT_DEFAULT_LAB");
    await expectError(await putInDefaultLab({}), 403, "STORE_FAULT_DEFAULT_LAB");
    expect(((await (await request.get("/api/labs/current/store-fault")).json()) as FaultView).available).toBe(false);

    await setFault(request, lab, true, admin);
    expect((await request.post("/api/demo/reset", { headers: inLab(lab) })).status()).toBe(200);
    expect(((await (await request.get("/api/labs/current/store-fault", { headers: inLab(lab) })).json()) as FaultView).on).toBe(false);
    expect((await meWithSession(request, lab, await session(request, lab))).status()).toBe(200);
  });

  test("an admin signed in with a session, whom the outage refuses everywhere else, can still turn it off", async ({ request }) => {
    const lab = await newLab(request);
    const adminSession = await session(request, lab, DEMO.admin);
    const put = (on: boolean) => request.put("/api/labs/current/store-fault?mode=session", { data: { on }, headers: inLab(lab, { cookie: adminSession }) });
    expect((await put(true)).status()).toBe(200);
    await expectRefused(await meWithSession(request, lab, adminSession));
    const off = await put(false);
    expect(off.status()).toBe(200);
    expect(((await off.json()) as FaultView).on).toBe(false);
    expect((await meWithSession(request, lab, adminSession)).status()).toBe(200);
  });
});
