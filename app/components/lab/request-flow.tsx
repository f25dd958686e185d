import { proxyRunsOn } from "@/lib/auth/proxy-paths";
import type { StepKind, TraceStep } from "@/lib/trace/trace";
import { Term } from "../glossary/term";
import type { LabExchange } from "./lab-client";
import { StepDetail, StepLabel } from "./step-label";

interface Lane {
  key: string;
  title: string;
  steps: TraceStep[];
  note: React.ReactNode;
}

const STRATEGY_KINDS: StepKind[] = ["credential", "crypto", "check"];

function pathOf(exchange: LabExchange): string {
  return exchange.path.split("?")[0] ?? exchange.path;
}

function Status({ status, code }: { status: number; code?: string }) {
  const text = `${status || "no response"}${code ? ` ${code}` : ""}`;
  if (status === 401) return <Term id="status-401">{text}</Term>;
  if (status === 403) return <Term id="status-403">{text}</Term>;
  return <>{text}</>;
}

/** Splits the server's trace into the lanes a request passes through, in order. */
function lanes(exchange: LabExchange): Lane[] {
  const steps = exchange.trace?.steps ?? [];
  const credential = exchange.trace?.credential;
  const storeSteps = steps.filter((s) => s.kind === "store");
  const storeQueries = exchange.trace?.storeQueries ?? 0;
  const cookies = exchange.trace?.cookies ?? [];
  return [
    {
      key: "browser",
      title: "Browser",
      steps: [],
      note: (
        <>
          sent {exchange.sent}
          {credential ? (
            <>
              {" "}
              — {credential.bytes} bytes of <Term id="credential">credential</Term> ({credential.source})
            </>
          ) : null}
        </>
      ),
    },
    {
      key: "proxy",
      title: "Proxy",
      steps: [],
      note: proxyRunsOn(pathOf(exchange)) ? (
        <>
          The <Term id="proxy">proxy</Term> (proxy.ts) ran: it checked that a credential is present, then passed the request on
        </>
      ) : (
        <>
          Skipped: the <Term id="proxy">proxy</Term> (proxy.ts) does not run for this path (see its <Term id="matcher">matcher</Term>), so the route checks the
          credential by itself
        </>
      ),
    },
    {
      key: "strategy",
      title: "Strategy",
      steps: steps.filter((s) => STRATEGY_KINDS.includes(s.kind)),
      note: exchange.trace ? "" : "nothing to check: this route does not authenticate the request",
    },
    {
      key: "store",
      title: "Store",
      steps: storeSteps,
      note: (
        <>
          {storeQueries === 0 ? "not contacted — " : ""}
          <Term id="store-query">
            {storeQueries} store {storeQueries === 1 ? "query" : "queries"}
          </Term>
        </>
      ),
    },
    {
      key: "handler",
      title: "Handler",
      steps: steps.filter((s) => s.kind === "issue"),
      note: cookies.length ? cookies.map((c) => `${c.action === "set" ? "sets" : "clears"} ${c.name}`).join(", ") : "sets no cookie",
    },
    {
      key: "response",
      title: "Response",
      steps: steps.filter((s) => s.kind === "verdict"),
      note: exchange.relayed ? (
        <>
          <Status status={exchange.relayed.status} {...(exchange.relayed.code ? { code: exchange.relayed.code } : {})} /> (relayed through {exchange.status})
        </>
      ) : (
        <Status status={exchange.status} {...(exchange.code ? { code: exchange.code } : {})} />
      ),
    },
  ];
}

function StepLine({ step }: { step: TraceStep }) {
  return (
    <li data-step={step.name}>
      <span aria-hidden="true">{step.outcome === "ok" ? "✓ " : "✗ "}</span>
      <span className="sr-only">{step.outcome === "ok" ? "ok: " : "failed: "}</span>
      <StepLabel step={step} />
      <StepDetail step={step} />
      <span className="block font-mono text-slate-700">
        {step.durationUs} µs{step.storeQueries ? ` · ${step.storeQueries} store ${step.storeQueries === 1 ? "query" : "queries"}` : ""}
      </span>
    </li>
  );
}

/** One request drawn as browser → proxy → strategy → store → handler → response, from the server's trace. */
export function RequestFlow({ exchange }: { exchange: LabExchange }) {
  const trace = exchange.trace;
  return (
    <figure className="min-w-0 space-y-2" aria-label={`Request flow: ${exchange.label}`} data-testid="request-flow">
      <figcaption className="text-sm">
        <span className="font-mono break-all">
          {exchange.method} {exchange.path}
        </span>{" "}
        → <strong data-testid="flow-status">{exchange.status || "network error"}</strong>
        {exchange.code ? <code className="ml-1" data-testid="flow-code">{exchange.code}</code> : null}
        {exchange.relayed ? (
          <span data-testid="flow-relayed">
            {" "}
            (relay) — the relayed request got <strong>{exchange.relayed.status}</strong>
            {exchange.relayed.code ? <code className="ml-1">{exchange.relayed.code}</code> : null}
          </span>
        ) : null}
        {trace ? (
          <span className="text-slate-600">
            {" "}
            · <span data-testid="flow-store-queries">{trace.storeQueries}</span> store {trace.storeQueries === 1 ? "query" : "queries"} · {trace.totalUs} µs on the server · instance{" "}
            <code>{trace.instanceId}</code>
          </span>
        ) : null}
      </figcaption>
      <ol className="grid grid-cols-1 gap-1 text-xs min-[420px]:grid-cols-2 sm:grid-cols-3">
        {lanes(exchange).map((lane, i) => (
          <li key={lane.key} className="relative min-w-0 rounded border border-slate-200 bg-white p-2 wrap-anywhere" data-lane={lane.key}>
            <p className="font-semibold uppercase tracking-wide text-slate-600">
              {i + 1}. {lane.title}
            </p>
            {lane.steps.length ? (
              <ul className="mt-1 space-y-0.5">
                {lane.steps.map((step, j) => (
                  <StepLine key={`${step.name}-${j}`} step={step} />
                ))}
              </ul>
            ) : null}
            {lane.note ? <p className="mt-1 text-slate-700">{lane.note}</p> : null}
          </li>
        ))}
      </ol>
    </figure>
  );
}
