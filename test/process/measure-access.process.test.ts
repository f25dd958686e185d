// The lab's "measure" puts load on the server. On a lab server (DEMO_CLOCK on) anyone may press
// it; on a server run like production (DEMO_CLOCK off) only an admin may.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sqliteBacking, startInstance, type Backing, type Instance } from "./cluster";
import { call, sessionLogin } from "./http";

describe("POST /api/lab/measure with the demo clock off", () => {
  let backing: Backing;
  let app: Instance;

  beforeAll(async () => {
    backing = await sqliteBacking();
    app = await startInstance("measure-guarded", { ...backing.env, DEMO_CLOCK: "off" });
  });
  afterAll(async () => {
    await app?.stop();
    await backing?.dispose();
  });

  test("anonymous → 401, a signed-in user → 403", async () => {
    expect((await call(app.url, "/api/lab/measure", { method: "POST" })).body.error?.code).toBe("UNAUTHENTICATED");
    const cookie = await sessionLogin(app.url);
    const asAlice = await call(app.url, "/api/lab/measure?mode=session", { method: "POST", headers: { cookie } });
    expect(asAlice.status).toBe(403);
    expect(asAlice.body.error?.code).toBe("FORBIDDEN");
  });

  test("an admin → 200 with every case measured; a second run at the same time → 409", async () => {
    const login = await call<{ accessToken: string }>(app.url, "/api/auth/jwt/login?cookies=none", { method: "POST", body: { email: "admin@example.com", password: "admin-demo-pass" } });
    const headers = { authorization: `Bearer ${login.body.accessToken}` };
    const [first, second] = await Promise.all([
      call<{ cases: { name: string }[] }>(app.url, "/api/lab/measure", { method: "POST", headers }),
      call(app.url, "/api/lab/measure", { method: "POST", headers }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const ok = first.status === 200 ? first : second;
    const busy = first.status === 200 ? second : first;
    expect((ok.body as { cases: { name: string }[] }).cases.map((c) => c.name)).toEqual(["unauthenticated", "session-sqlite", "jwt-hs256"]);
    expect(busy.body.error?.code).toBe("MEASUREMENT_IN_PROGRESS");
  });
});
