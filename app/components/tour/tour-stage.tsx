"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { announceRefresh } from "../lab/lab-client";
import { LAB_STAGE_ID, LabWorkspace } from "../lab/workspace";
import { StepContext, type TourNote } from "./step-context";
import { tourChanges } from "./tour-changes";
import { TourPanel } from "./tour-panel";
import { TourResults, type TourRun } from "./tour-results";
import { TOUR_STEPS } from "./tour-steps";
import { parseStep, tourHref } from "./tour-url";

/** Scrolls the row of the panes and the tour's results to the top of the screen. */
function showStage(behavior: "smooth" | "auto"): void {
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  document.getElementById(LAB_STAGE_ID)?.scrollIntoView({ block: "start", behavior: reduced ? "auto" : behavior });
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * The guided tour: one step of the lesson at a time, read aloud, with a "do it" button that makes
 * the lab's panes act, and what to watch and what the server answered beside those panes. The
 * step and presenter mode live in the URL (`/tour?step=3&presenter=1`). What a step changes on the
 * server (the denylist, the demo clock) is put back when the step is left, however it is left.
 */
export function TourStage({ stepParam, presenter }: { stepParam?: string; presenter: boolean }) {
  const router = useRouter();
  const count = TOUR_STEPS.length;
  const step = parseStep(stepParam, count);
  const current = TOUR_STEPS[step - 1]!;
  const [run, setRun] = useState<TourRun | null>(null);
  const [cleanedUp, setCleanedUp] = useState<{ step: number; done: string[] } | null>(null);
  const shownStep = useRef(step);
  const noteId = useRef(0);
  const undoing = useRef<Promise<unknown>>(Promise.resolve());
  const running = run?.status === "running";
  const shownRun = run?.step === step ? run : null;

  useEffect(() => {
    // Presenter mode scales the whole page (the panes too) for a projector; the tour's own text more.
    if (!presenter) return;
    const root = document.documentElement;
    const previous = root.style.fontSize;
    root.style.fontSize = "112.5%";
    return () => {
      root.style.fontSize = previous;
    };
  }, [presenter]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTyping(event.target) || document.querySelector("dialog[open]")) return;
      if (event.key === "ArrowRight" && step < count) router.push(tourHref(step + 1, presenter), { scroll: false });
      if (event.key === "ArrowLeft" && step > 1) router.push(tourHref(step - 1, presenter), { scroll: false });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, step, count, presenter]);

  useEffect(() => {
    // Leaving the step — to another step or off the tour in this app — puts back what it changed.
    // (Also what a previous visit left behind, if its tab closed before it could clean up.)
    shownStep.current = step;
    const cleanUp = () => {
      undoing.current = undoing.current.then(async () => {
        const done = await tourChanges.undo();
        // Said on the step the learner is on by then (the one that was left is gone).
        if (done.length > 0) setCleanedUp({ step: shownStep.current, done });
      });
    };
    cleanUp();
    return cleanUp;
  }, [step]);

  useEffect(() => {
    // Closing the tab, reloading, or a full navigation away: no time to wait for answers.
    const onPageHide = () => tourChanges.undoAsPageLeaves();
    window.addEventListener("pagehide", onPageHide);
    return () => window.removeEventListener("pagehide", onPageHide);
  }, []);

  async function doIt() {
    const action = current.doIt;
    if (!action || running) return;
    const notes: TourNote[] = [];
    setRun({ step, status: "running", notes });
    // The class watches the panes act and the answers arrive: bring that row into view at once…
    showStage("smooth");
    await undoing.current;
    const ctx = new StepContext((tone, text) => {
      notes.push({ id: ++noteId.current, tone, text });
      setRun({ step, status: "running", notes: [...notes] });
    });
    try {
      await action.run(ctx);
      setRun({ step, status: "done", notes: [...notes] });
    } catch (caught) {
      notes.push({ id: ++noteId.current, tone: "info", text: caught instanceof Error ? caught.message : "The step stopped unexpectedly." });
      setRun({ step, status: "failed", notes: [...notes] });
    } finally {
      announceRefresh();
      // …and keep it there, should anything above it have changed height meanwhile.
      showStage("auto");
    }
  }

  const showResults = Boolean(current.doIt || current.watch);
  return (
    <div className="space-y-6">
      <TourPanel
        step={step}
        current={current}
        presenter={presenter}
        running={running}
        cleanedUp={cleanedUp?.step === step ? cleanedUp.done : null}
        onDoIt={() => void doIt()}
        onReset={() => {
          // The reset put every setting and the clock back itself.
          tourChanges.forget();
          setRun(null);
        }}
      />
      <section id="lab" aria-label="The lab" className="scroll-mt-4">
        <LabWorkspace beside={showResults ? <TourResults current={current} step={step} count={count} run={shownRun} presenter={presenter} /> : undefined} />
      </section>
    </div>
  );
}
