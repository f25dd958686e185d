/** Class names the workbench's controls share, so every button and field has the same size (≥ 24 px targets). */
export const primaryButton = "min-h-9 rounded bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-60";
export const secondaryButton = "min-h-9 rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60";
export const textField = "w-full rounded border border-slate-400 bg-white px-2 py-1.5 font-mono text-sm";
export const choiceInput = "mt-0.5 h-6 w-6 shrink-0 accent-slate-900";
export const sectionBox = "space-y-3 rounded-lg border border-slate-200 bg-white p-4";
export const sectionTitle = "text-xl font-semibold";

/** jwt.io's colours, each part also labelled in words so that colour is never the only cue. */
export const PART_COLOURS = {
  header: { text: "text-rose-700", box: "border-rose-500 bg-rose-50", title: "text-rose-900", editor: "border-l-4 border-l-rose-500 bg-rose-50" },
  payload: { text: "text-violet-700", box: "border-violet-500 bg-violet-50", title: "text-violet-900", editor: "border-l-4 border-l-violet-500 bg-violet-50" },
  signature: { text: "text-sky-700", box: "border-sky-500 bg-sky-50", title: "text-sky-900", editor: "border-l-4 border-l-sky-500 bg-sky-50" },
} as const;
