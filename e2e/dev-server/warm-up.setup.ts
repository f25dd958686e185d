import { expect, test as setup } from "@playwright/test";

/** Every page and API route the dev-server lessons use: `next dev` compiles each on its first request. */
const PAGES = ["/", "/tour", "/scenarios/csrf", "/lab/csrf-attack", "/scenarios/csrf-attacker", "/glossary"];
const API_GETS = ["/api/settings", "/api/inspect?mode=session", "/api/me?mode=session", "/api/lab/state", "/api/lab/health", "/api/lab/instance", "/api/demo/clock"];
const API_POSTS = ["/api/auth/session/login", "/api/auth/jwt/login", "/api/auth/session/logout", "/api/auth/jwt/logout", "/api/auth/session/logout-all", "/api/auth/jwt/capture", "/api/lab/replay"];

setup("warm up: compile the routes the lessons use", async ({ request }) => {
  setup.setTimeout(300_000);
  for (const path of PAGES) expect((await request.get(path, { timeout: 120_000 })).status(), path).toBe(200);
  for (const path of API_GETS) expect((await request.get(path, { timeout: 120_000 })).status(), path).toBeLessThan(500);
  // An empty body is refused, which is all a first compile needs.
  for (const path of API_POSTS) expect((await request.post(path, { data: {}, timeout: 120_000 })).status(), path).toBeLessThan(500);
});
