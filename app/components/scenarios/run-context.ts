"use client";

import type { TraceJSON } from "@/lib/trace/trace";
import { replayOutcome, type ReplayBody, type ReplayOutcome } from "@/lib/scenarios/replay";
import { lab, type LabExchange, type PaneMode } from "../lab/lab-client";

/** Which strategy a step belongs to; "lab" is the set-up around them (admin, clock, settings). */
export type Lane = PaneMode | "lab";

/** One row of a scenario's sequence: a real request (or a real observation in the browser). */
export interface StepRecord {
  n: number;
  lane: Lane;
  /** Who acted: "Alice's browser", "Attacker", "Admin", "Demo clock", "Injected script"… */
  actor: string;
  label: string;
  request?: { method: string; path: string; sent: string };
  status?: number;
  code?: string;
  storeQueries?: number;
  trace?: TraceJSON;
  /** What the step shows, in one sentence. */
  note?: string;
  /** Preformatted evidence: a decoded payload, what a script read, an event record. */
  detail?: string;
  /** How many requests this row stands for (a walk of identical requests is one row). */
  count?: number;
  /** For a row without a request of its own: where the observation came from. */
  where?: string;
  running: boolean;
}

export type VerdictTone = "safe" | "exposed" | "neutral";

export interface Verdict {
  /** A few words: "Dead at once", "Still valid for 14:58". */
  headline: string;
  tone: VerdictTone;
  explanation: string;
}

export interface Verdicts {
  session: Verdict;
  jwt: Verdict;
}

/** Raised when a set-up request fails: the lesson cannot go on, and the runner says why. */
export class ScenarioStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScenarioStopped";
  }
}

interface StepOptions<T> {
  label?: string;
  note?: (exchange: LabExchange<T>) => string | undefined;
  detail?: (exchange: LabExchange<T>) => string | undefined;
  /** Statuses without which the scenario cannot continue (set-up steps). */
  require?: number[];
}

interface ObserveFields {
  note?: string;
  detail?: string;
  status?: number;
  code?: string;
  storeQueries?: number;
  count?: number;
  request?: StepRecord["request"];
  where?: string;
}

export interface RunContext {
  /** Performs one request through the lab client (so the lab's request flow draws it) and records it. */
  request<T>(lane: Lane, actor: string, call: () => Promise<LabExchange<T>>, options?: StepOptions<T>): Promise<LabExchange<T>>;
  /** Replays a captured credential on the attacker's behalf and records the answer it got. */
  replay(lane: PaneMode, captureId: string, credential: ReplayBody["credential"], options?: { actor?: string; label?: string; note?: (o: ReplayOutcome) => string | undefined }): Promise<ReplayOutcome>;
  /** Records something observed without a request of ours (what a script read, an attacker page's report). */
  observe(lane: Lane, actor: string, label: string, fields?: ObserveFields): void;
  /** Registers clean-up, run last-in first-out after the scenario, even when it stopped. */
  onCleanup(label: string, fn: () => Promise<void>): void;
  /** A window opened during the click that started the run (pop-up blockers allow no later one). */
  popup: Window | null;
}

export interface RunHooks {
  onSteps(steps: StepRecord[]): void;
}

/** Builds a run's context and the function that runs its clean-ups. */
export function createRunContext(hooks: RunHooks, popup: Window | null): { ctx: RunContext; cleanup: () => Promise<void> } {
  const steps: StepRecord[] = [];
  const cleanups: { label: string; fn: () => Promise<void> }[] = [];
  const publish = () => hooks.onSteps(steps.map((s) => ({ ...s })));

  function begin(lane: Lane, actor: string, label: string): StepRecord {
    const step: StepRecord = { n: steps.length + 1, lane, actor, label, running: true };
    steps.push(step);
    publish();
    return step;
  }

  const ctx: RunContext = {
    popup,
    async request(lane, actor, call, options = {}) {
      const step = begin(lane, actor, options.label ?? "…");
      const exchange = await call();
      step.label = options.label ?? exchange.label;
      step.request = { method: exchange.method, path: exchange.path, sent: exchange.sent };
      step.status = exchange.status;
      if (exchange.code) step.code = exchange.code;
      if (exchange.trace) {
        step.trace = exchange.trace;
        step.storeQueries = exchange.trace.storeQueries;
      }
      const note = options.note?.(exchange);
      if (note) step.note = note;
      const detail = options.detail?.(exchange);
      if (detail) step.detail = detail;
      step.running = false;
      publish();
      if (options.require && !options.require.includes(exchange.status)) {
        throw new ScenarioStopped(`“${step.label}” answered ${exchange.status}${exchange.code ? ` ${exchange.code}` : ""}, so the scenario cannot go on.`);
      }
      return exchange;
    },
    async replay(lane, captureId, credential, options = {}) {
      const step = begin(lane, options.actor ?? "Attacker (with the copy)", options.label ?? `Replay the copied ${credential === "access" ? "access token" : credential === "refresh" ? "refresh token" : "session cookie"}`);
      const exchange = await lab.replay(lane, captureId, credential);
      const outcome = replayOutcome(exchange);
      step.request = outcome.request
        ? { method: outcome.request.method, path: outcome.request.path, sent: `${outcome.request.sends} (from outside Alice's browser)` }
        : { method: exchange.method, path: exchange.path, sent: exchange.sent };
      step.status = outcome.status;
      if (outcome.code) step.code = outcome.code;
      if (outcome.storeQueries !== undefined) step.storeQueries = outcome.storeQueries;
      if (outcome.trace) step.trace = outcome.trace as TraceJSON;
      const note = options.note?.(outcome);
      if (note) step.note = note;
      step.running = false;
      publish();
      if (exchange.status !== 200) throw new ScenarioStopped(`The replay could not be made (${exchange.status}${exchange.code ? ` ${exchange.code}` : ""}).`);
      return outcome;
    },
    observe(lane, actor, label, fields = {}) {
      const step = begin(lane, actor, label);
      Object.assign(step, fields, { running: false });
      publish();
    },
    onCleanup(label, fn) {
      cleanups.push({ label, fn });
    },
  };

  async function cleanup() {
    for (const { label, fn } of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        // A failed clean-up is shown, never hidden: the learner must know what was not restored.
        ctx.observe("lab", "Clean-up", `${label} — failed`, { note: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  return { ctx, cleanup };
}
