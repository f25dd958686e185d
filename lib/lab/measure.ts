import "server-only";
import { cookieNames } from "../auth/cookies";
import { services } from "../auth/services";
import { appEnv } from "../config/env";
import { databaseKind } from "../db/database-url";
import { ApiError } from "../errors";
import type { StoreKind } from "../stores/types";
import { labCookiePair } from "../labs/lab-cookie";
import type { Settings } from "../settings/schema";
import { DEMO_USERS } from "../users/demo-users";
import { percentile, round, StepTimings } from "./measure-stats";
import { selfOrigin } from "./self-origin";

/**
 * The lab's "measure" button: a few hundred real HTTP requests per strategy, from this server to
 * itself, so that "a session costs a lookup, a JWT costs a signature check" is measured on this
 * machine rather than asserted. The same comparison as `npm run bench`, smaller and bounded.
 */
export interface MeasureCase {
  name: string;
  route: string;
  requests: number;
  /** Answers other than 200 (they count as requests, and make the case suspect). */
  errors: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** reqPerSec ÷ the unauthenticated route's reqPerSec in this same run. */
  ratio: number;
  /** Median µs per server step, from the responses' Server-Timing headers. */
  steps: Record<string, number>;
}

export interface Measurement {
  instanceId: string;
  concurrency: number;
  maxRequestsPerCase: number;
  budgetMsPerCase: number;
  totalMs: number;
  cases: MeasureCase[];
  notes: string[];
}

const CONCURRENCY = 4;
const MAX_REQUESTS_PER_CASE = 300;
const WARMUP_REQUESTS = 20;
/** The whole measurement, logins included, stays within about this many ms. */
const TOTAL_BUDGET_MS = 4_500;
const REQUEST_TIMEOUT_MS = 2_000;

interface Plan {
  name: string;
  route: string;
  headers: Record<string, string>;
}

/** Case names as `npm run bench` spells them: `session-sqlite`, `jwt-hs256`, `jwt-denylist-redis`… */
function storeLabel(kind: StoreKind): string {
  return kind === "database" ? databaseKind() : kind;
}

async function runCase(origin: string, plan: Plan, budgetMs: number): Promise<Omit<MeasureCase, "ratio">> {
  const url = new URL(plan.route, origin);
  const fire = () => fetch(url, { headers: plan.headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  // Warm-up (JIT, connection reuse), not counted.
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let i = 0; i < WARMUP_REQUESTS / CONCURRENCY; i++) await (await fire()).arrayBuffer();
  }));

  const latenciesMs: number[] = [];
  const steps = new StepTimings();
  let issued = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + budgetMs;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (issued < MAX_REQUESTS_PER_CASE && performance.now() < deadline) {
      issued++;
      const t0 = performance.now();
      const response = await fire();
      await response.arrayBuffer();
      latenciesMs.push(performance.now() - t0);
      if (response.status !== 200) errors++;
      steps.add(response.headers.get("server-timing"));
    }
  }));
  const elapsedS = (performance.now() - started) / 1000;
  return {
    name: plan.name,
    route: plan.route,
    requests: latenciesMs.length,
    errors,
    reqPerSec: Math.round(latenciesMs.length / elapsedS),
    p50Ms: round(percentile(latenciesMs, 50), 2),
    p99Ms: round(percentile(latenciesMs, 99), 2),
    steps: steps.medians(),
  };
}

async function login(origin: string, kind: "session" | "jwt", labCookie: string | null): Promise<Response> {
  const demo = DEMO_USERS[0];
  const path = kind === "session" ? "/api/auth/session/login" : "/api/auth/jwt/login?cookies=none";
  const response = await fetch(new URL(path, origin), {
    method: "POST",
    headers: { "content-type": "application/json", ...(labCookie ? { cookie: labCookie } : {}) },
    body: JSON.stringify({ email: demo.email, password: demo.password }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (response.status === 401) throw new ApiError("DEMO_USER_MISSING");
  // The demo account's login budget is spent (someone guessed its password): say so, as the login does.
  if (response.status === 429) throw new ApiError("RATE_LIMITED", { headers: { "Retry-After": response.headers.get("retry-after") ?? "60" } });
  if (!response.ok) throw new Error(`measure: ${kind} login answered ${response.status}`);
  return response;
}

const shared = globalThis as typeof globalThis & { __authlabMeasuring?: boolean };

/**
 * Logs in as the lab's demo user (a session and a cookie-less access token), measures the
 * unauthenticated route and `/api/me` with each credential, then logs the session out again.
 * Every request carries the lab's cookie, so it is measured in the caller's own lab, with its
 * settings. One measurement at a time per instance.
 */
export async function measureStrategies(lab: { labId: string; settings: Settings }): Promise<Measurement> {
  if (shared.__authlabMeasuring) throw new ApiError("MEASUREMENT_IN_PROGRESS", { headers: { "Retry-After": "5" } });
  shared.__authlabMeasuring = true;
  const started = performance.now();
  const origin = selfOrigin();
  const names = cookieNames();
  const labCookie = labCookiePair(lab.labId);
  const withLab = (cookie?: string) => [cookie, labCookie].filter(Boolean).join("; ");
  let sessionCookie: string | undefined;
  try {
    const sessionLogin = await login(origin, "session", labCookie);
    sessionCookie = sessionLogin.headers.getSetCookie().find((c) => c.startsWith(`${names.session}=`))?.split(";")[0];
    if (!sessionCookie) throw new Error("measure: the session login set no session cookie");
    const { accessToken } = (await (await login(origin, "jwt", labCookie)).json()) as { accessToken: string };

    const { settings } = lab;
    const sessionStore = services().sessionStores.active(settings);
    const { denylist } = services();
    const alg = appEnv().jwtAlgorithm.toLowerCase();
    const notes: string[] = [];
    const plans: Plan[] = [
      { name: "unauthenticated", route: "/api/ping", headers: {} },
      { name: `session-${storeLabel(sessionStore.kind)}`, route: "/api/me?mode=session", headers: { cookie: withLab(sessionCookie) } },
    ];
    const bearer = { authorization: `Bearer ${accessToken}`, ...(labCookie ? { cookie: labCookie } : {}) };
    // The denylist is one setting of the lab, so a run measures JWT with it or without it.
    if (settings.denylistEnabled) {
      plans.push({ name: `jwt-denylist-${storeLabel(denylist.kind)}`, route: "/api/me?mode=jwt", headers: bearer });
      notes.push("The denylist is on, so every JWT request also looks its jti up; turn it off in the settings to measure plain verification.");
    } else {
      plans.push({ name: `jwt-${alg}`, route: "/api/me?mode=jwt", headers: bearer });
      notes.push("The denylist is off; turn it on in the settings to measure a JWT with a store lookup added.");
    }

    const cases: MeasureCase[] = [];
    let baseline = 0;
    for (const [i, plan] of plans.entries()) {
      const remainingMs = TOTAL_BUDGET_MS - (performance.now() - started);
      const budgetMs = Math.max(100, remainingMs / (plans.length - i) - 150);
      const result = await runCase(origin, plan, budgetMs);
      if (i === 0) baseline = result.reqPerSec;
      cases.push({ ...result, ratio: baseline > 0 ? round(result.reqPerSec / baseline, 2) : 0 });
    }
    notes.push("Requests come from this server to itself, so the load generator and the server share its CPU: compare the ratios, not the absolute numbers, with npm run bench.");
    return {
      instanceId: appEnv().instanceId,
      concurrency: CONCURRENCY,
      maxRequestsPerCase: MAX_REQUESTS_PER_CASE,
      budgetMsPerCase: Math.round(TOTAL_BUDGET_MS / plans.length),
      totalMs: Math.round(performance.now() - started),
      cases,
      notes,
    };
  } finally {
    shared.__authlabMeasuring = false;
    if (sessionCookie) {
      // The demo user's measuring session is not left behind.
      await fetch(new URL("/api/auth/session/logout", origin), { method: "POST", headers: { cookie: withLab(sessionCookie) }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).catch(() => undefined);
    }
  }
}
