"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { scenarioInfo, type ScenarioSlug } from "@/lib/scenarios/catalog";
import { LinkedTerms } from "../glossary/rich-text";
import { announceRefresh } from "../lab/lab-client";
import { ATTACKER_WINDOW_NAME } from "./cross-site-window";
import { InjectedScriptButton } from "./injected-script-button";
import { JwtEditor } from "./jwt-editor";
import { createRunContext, ScenarioStopped, type StepRecord, type Verdicts } from "./run-context";
import { SCENARIO_RUNS } from "./runs";
import { StepTable } from "./step-table";
import { VerdictCards } from "./verdict-cards";

type Phase = "idle" | "running" | "finished" | "stopped";

/** Hands-on extras a learner can use after (or instead of) the automatic run. */
const EXTRAS: Partial<Record<ScenarioSlug, () => React.ReactNode>> = {
  tampering: () => <JwtEditor />,
  "where-the-token-lives": () => <InjectedScriptButton />,
};

/**
 * One scenario: what it does and why, a Run button, every request as it happens, and a verdict per
 * strategy. Every request goes through the lab client, so a request-flow view on the same page
 * draws them too. `autoRun` starts it on mount (the home page's Run buttons).
 */
export function ScenarioRunner({ slug, autoRun = false, headingLevel = 1 }: { slug: ScenarioSlug; autoRun?: boolean; headingLevel?: 1 | 2 }) {
  const info = scenarioInfo(slug);
  const [phase, setPhase] = useState<Phase>("idle");
  const [steps, setSteps] = useState<StepRecord[]>([]);
  const [verdicts, setVerdicts] = useState<Verdicts | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);
  const started = useRef(false);
  const runButton = useRef<HTMLButtonElement>(null);
  const verdictsRef = useRef<HTMLElement>(null);
  const [needsClick, setNeedsClick] = useState(false);

  const start = useCallback(() => {
    const impl = SCENARIO_RUNS[slug];
    // Opened here, inside the click (or right after it), or the pop-up blocker refuses it.
    const popup = impl.opensWindow ? window.open("about:blank", ATTACKER_WINDOW_NAME, "popup,width=760,height=560") : null;
    if (impl.opensWindow && !popup) {
      // Blocked: started on page load rather than by a click. Nothing was sent; wait for the button.
      // (The status line says why, so the learner is not left with a dead button.)
      setNeedsClick(true);
      runButton.current?.focus();
      return;
    }
    setNeedsClick(false);
    setPhase("running");
    setSteps([]);
    setVerdicts(null);
    setStopped(null);
    const { ctx, cleanup } = createRunContext({ onSteps: setSteps }, popup);
    void (async () => {
      let outcome: Phase = "finished";
      try {
        setVerdicts(await impl.run(ctx));
      } catch (error) {
        outcome = "stopped";
        setStopped(error instanceof ScenarioStopped ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await cleanup();
        setPhase(outcome);
        announceRefresh();
        // On a projector the verdict is below the fold: bring it into view (the table stays above).
        requestAnimationFrame(() => verdictsRef.current?.scrollIntoView({ block: "nearest" }));
      }
    })();
  }, [slug]);

  useEffect(() => {
    if (!autoRun || started.current) return;
    started.current = true;
    // (A scenario that opens a window may be refused here, after a page load: start() then waits for
    // the button.) Deferred out of the effect's own pass (state set there would render twice for nothing).
    queueMicrotask(start);
  }, [autoRun, start]);

  const Heading = headingLevel === 1 ? "h1" : "h2";
  const SubHeading = headingLevel === 1 ? "h2" : "h3";
  const running = phase === "running";
  const current = steps.at(-1);
  const extra = EXTRAS[slug];

  return (
    <article aria-labelledby={`scenario-${slug}-title`} className="space-y-4">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-500">Scenario {info.number} of 9</p>
        <Heading id={`scenario-${slug}-title`} className="text-2xl font-bold">
          {info.title}
        </Heading>
        <p id={`scenario-${slug}-summary`} className="max-w-4xl text-slate-800">
          <LinkedTerms text={info.summary} />
        </p>
        <p className="max-w-4xl text-sm text-slate-700">
          <strong>Afterwards:</strong> <LinkedTerms text={info.leaves} /> Scenarios never reset your lab; the rows marked “Clean-up” put back what they changed.
          {info.needs ? (
            <>
              {" "}
              <strong>Needs:</strong> <LinkedTerms text={info.needs} />
            </>
          ) : null}
        </p>
      </header>

      <div className="flex flex-wrap items-center gap-3">
        <button
          ref={runButton}
          type="button"
          onClick={start}
          disabled={running}
          aria-describedby={`scenario-${slug}-summary`}
          className="rounded bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700 disabled:cursor-wait disabled:bg-slate-500"
        >
          {phase === "idle" ? "Run the scenario" : running ? "Running…" : "Run it again"}
        </button>
        <p role="status" aria-label="Scenario progress" className="text-sm text-slate-700">
          {phase === "idle" && (needsClick ? "Press “Run the scenario”: it opens a second window, which browsers allow only right after a click." : "Not run yet: nothing has been sent.")}
          {running && `Running step ${current?.n ?? 1}: ${current?.label ?? "starting"}`}
          {phase === "finished" && `Finished: ${steps.length} steps, verdicts below.`}
          {phase === "stopped" && `Stopped after ${steps.length} steps.`}
        </p>
      </div>

      {stopped ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900">
          <strong>The scenario stopped:</strong> {stopped}
        </p>
      ) : null}

      {steps.length > 0 ? <StepTable steps={steps} /> : null}

      {verdicts ? (
        <section ref={verdictsRef} aria-labelledby={`scenario-${slug}-verdicts`} className="space-y-2">
          <SubHeading id={`scenario-${slug}-verdicts`} className="text-lg font-semibold">
            Verdict, side by side
          </SubHeading>
          <VerdictCards verdicts={verdicts} />
        </section>
      ) : null}

      {extra ? extra() : null}
    </article>
  );
}
