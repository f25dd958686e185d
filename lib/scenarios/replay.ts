/**
 * What the lab's replay endpoint reports: the request it made on the attacker's behalf and the
 * answer it got. The outer request always succeeds when the copy exists; the lesson is inside.
 */
export interface ReplayBody {
  credential: "session" | "access" | "refresh";
  request: { method: string; path: string; sends: string };
  status: number;
  durationMs: number;
  body: unknown;
}

interface TraceLike {
  storeQueries: number;
  startedAt: string;
}

export interface ReplayOutcome {
  status: number;
  code?: string;
  storeQueries?: number;
  trace?: TraceLike;
  request?: ReplayBody["request"];
  /** The credential's expiry as the server reported it on success (JWT: exp). */
  expiresAt?: string;
  role?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object";
}

/** Reads the inner answer of a replay; when the replay itself failed, the outer status and code. */
export function replayOutcome(outer: { status: number; code?: string; body: unknown }): ReplayOutcome {
  const body = outer.body;
  if (outer.status !== 200 || !isObject(body) || typeof body.status !== "number") {
    return { status: outer.status, ...(outer.code ? { code: outer.code } : {}) };
  }
  const inner = isObject(body.body) ? body.body : {};
  const error = isObject(inner.error) ? inner.error : undefined;
  const trace = isObject(inner.trace) && typeof inner.trace.storeQueries === "number" ? (inner.trace as unknown as TraceLike) : undefined;
  const credential = isObject(inner.credential) ? inner.credential : undefined;
  const user = isObject(inner.user) ? inner.user : undefined;
  const request = isObject(body.request) ? (body.request as unknown as ReplayBody["request"]) : undefined;
  return {
    status: body.status,
    ...(typeof error?.code === "string" ? { code: error.code } : {}),
    ...(trace ? { trace, storeQueries: trace.storeQueries } : {}),
    ...(request ? { request } : {}),
    ...(typeof credential?.expiresAt === "string" ? { expiresAt: credential.expiresAt } : {}),
    ...(typeof user?.role === "string" ? { role: user.role } : {}),
  };
}

/**
 * How long a credential still works, on the server's auth clock: the trace's start is the server's
 * real time, and the demo clock's offset turns it into auth time.
 */
export function remainingMs(expiresAt: string, serverRealNow: string, clockOffsetMs: number): number {
  return Date.parse(expiresAt) - (Date.parse(serverRealNow) + clockOffsetMs);
}
