import type { AuthMode } from "../auth/types";
import { instanceStartedAt } from "../config/instance";

/** The kinds of work a request can do; the lab draws each kind in its own lane. */
export type StepKind = "credential" | "crypto" | "store" | "check" | "issue" | "verdict";

export interface TraceStep {
  /** Stable machine name, e.g. `unseal`, `session-lookup`, `jwt-verify`. */
  name: string;
  /** What a learner reads, e.g. "Unseal the cookie (iron-session)". */
  label: string;
  kind: StepKind;
  durationUs: number;
  /** Store operations actually performed while this step ran (counted by the store adapters). */
  storeQueries: number;
  outcome: "ok" | "fail";
  detail?: string;
}

/** A cookie the response set or cleared, as the lab draws it (attributes only, never the value). */
export interface TraceCookie {
  name: string;
  action: "set" | "clear";
  attributes: { httpOnly: boolean; secure: boolean; sameSite: string; path: string; maxAge: number };
}

export interface TraceJSON {
  mode: AuthMode;
  /** The instance that served the request (`INSTANCE_ID`). */
  instanceId: string;
  /** When that instance's process started: a restart shows as a new time. */
  instanceStartedAt: string;
  /** When this request started. */
  startedAt: string;
  steps: TraceStep[];
  totalUs: number;
  storeQueries: number;
  verdict: { ok: boolean; status: number; code?: string };
  credential?: { source: string; bytes: number };
  cookies?: TraceCookie[];
}

/** Microseconds on the monotonic clock (performance.now: a double, no BigInt to allocate per call). */
function nowUs(): number {
  return performance.now() * 1000;
}

/**
 * A side channel that records what a request did and how long each part took. It never decides
 * anything: strategies run the same with or without anyone reading it.
 */
export class Trace {
  readonly mode: AuthMode;
  readonly steps: TraceStep[] = [];
  private readonly instanceId: string;
  private readonly startedAt = new Date();
  private readonly startUs = nowUs();
  private current: TraceStep | undefined;
  private verdict: TraceJSON["verdict"] = { ok: false, status: 0 };
  private credential: TraceJSON["credential"];
  private cookies: TraceCookie[] = [];

  constructor(mode: AuthMode, instanceId: string) {
    this.mode = mode;
    this.instanceId = instanceId;
  }

  /**
   * Runs `fn` as one step. Store queries made inside are attributed to it; a thrown error marks
   * the step failed and propagates unchanged.
   */
  async step<T>(name: string, label: string, kind: StepKind, fn: () => Promise<T> | T): Promise<T> {
    const step: TraceStep = { name, label, kind, durationUs: 0, storeQueries: 0, outcome: "ok" };
    const outer = this.current;
    this.current = step;
    const start = nowUs();
    try {
      return await fn();
    } catch (error) {
      step.outcome = "fail";
      throw error;
    } finally {
      step.durationUs = Math.round(nowUs() - start);
      this.current = outer;
      this.steps.push(step);
    }
  }

  /**
   * Records a step that ran no code of its own: a check the caller just made (its result passed in
   * as `outcome`), or work skipped because its answer is cached. The decision is the caller's; the
   * trace only writes it down.
   */
  mark(name: string, label: string, kind: StepKind, detail?: string, outcome: "ok" | "fail" = "ok"): void {
    const step: TraceStep = { name, label, kind, durationUs: 0, storeQueries: 0, outcome };
    if (detail) step.detail = detail;
    this.steps.push(step);
  }

  /** Marks the most recent step as failed and says why, for an expected (returned, not thrown) failure. */
  fail(detail: string): void {
    const last = this.steps.at(-1);
    if (last) {
      last.outcome = "fail";
      last.detail = detail;
    }
  }

  /**
   * Says why the request stopped at a thrown failure (a store that was down): on the step that
   * threw, or — when it came from outside any step — as a failed step of its own.
   */
  stopped(name: string, label: string, kind: StepKind, detail: string): void {
    const thrown = this.steps.findLast((s) => s.outcome === "fail" && s.detail === undefined);
    if (thrown) thrown.detail = detail;
    else this.mark(name, label, kind, detail, "fail");
  }

  /** Adds a note to the most recent step. */
  note(detail: string): void {
    const last = this.steps.at(-1);
    if (last) last.detail = detail;
  }

  /** Called by store adapters for every operation they send to their backend. */
  countStoreQuery(count = 1): void {
    if (this.current) this.current.storeQueries += count;
  }

  setCredential(source: string, bytes: number): void {
    this.credential = { source, bytes };
  }

  /** Records the cookies the response sets or clears, so the lab can show them beside the steps. */
  recordCookies(cookies: readonly { name: string; value: string; attributes: TraceCookie["attributes"] }[]): void {
    for (const c of cookies) {
      this.cookies.push({ name: c.name, action: c.attributes.maxAge === 0 ? "clear" : "set", attributes: { ...c.attributes } });
    }
  }

  setVerdict(ok: boolean, status: number, code?: string): void {
    this.verdict = code ? { ok, status, code } : { ok, status };
  }

  get storeQueries(): number {
    return this.steps.reduce((sum, s) => sum + s.storeQueries, 0);
  }

  toJSON(): TraceJSON {
    const json: TraceJSON = {
      mode: this.mode,
      instanceId: this.instanceId,
      instanceStartedAt: instanceStartedAt(),
      startedAt: this.startedAt.toISOString(),
      steps: this.steps,
      totalUs: Math.round(nowUs() - this.startUs),
      storeQueries: this.storeQueries,
      verdict: this.verdict,
    };
    if (this.credential) json.credential = this.credential;
    if (this.cookies.length > 0) json.cookies = this.cookies;
    return json;
  }

  /**
   * A standard `Server-Timing` header value: one metric per step, durations in milliseconds; a
   * failed step says why in its description (a store that refused, a session not found).
   */
  serverTiming(): string {
    const quoted = (text: string) => text.replace(/["\\]/g, "");
    return this.steps
      .map((s, i) => {
        // Details are free text: commas and semicolons go too (naive readers split the header on them), and anything but printable ASCII (a header value must be Latin-1).
        const failed = s.outcome === "fail" && s.detail ? ` - failed: ${quoted(s.detail).replace(/[,;]|[^\x20-\x7e]/g, "")}` : "";
        return `${i}-${s.name};dur=${(s.durationUs / 1000).toFixed(3)};desc="${quoted(s.label)}${s.storeQueries ? ` (${s.storeQueries} store)` : ""}${failed}"`;
      })
      .join(", ");
  }
}
