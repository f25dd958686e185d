import type { TraceStep } from "@/lib/trace/trace";
import { stepDetailWords, stepWords } from "@/lib/trace-words";
import { Term } from "../glossary/term";

/**
 * A trace step in plain words, linked to the glossary, the library that did it named beside them.
 * `standalone` where the label is alone in its cell (a 24 px target then, not a word in a sentence).
 */
export function StepLabel({ step, standalone = false }: { step: Pick<TraceStep, "name" | "label">; standalone?: boolean }) {
  const words = stepWords(step);
  if (!words) return <>{step.label}</>;
  return (
    <>
      <Term id={words.term} standalone={standalone}>
        {words.text}
      </Term>
      {words.library ? <span className="text-slate-600"> ({words.library})</span> : null}
    </>
  );
}

/** A step's detail, in plain words where the server's are jargon ("cached"). */
export function StepDetail({ step }: { step: Pick<TraceStep, "name" | "detail"> }) {
  const words = stepDetailWords(step);
  if (!words) return null;
  return (
    <span className="text-slate-600">
      {" "}
      — {words.term ? <Term id={words.term}>{words.text}</Term> : words.text}
    </span>
  );
}
