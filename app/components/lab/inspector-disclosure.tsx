"use client";

import { useState } from "react";
import type { PaneMode } from "./lab-client";

/**
 * The cookie inspector, collapsed while there is nothing in it and opened the first time a
 * credential appears — unless the learner has opened or closed it by hand, which then wins.
 */
export function InspectorDisclosure({ pane, present, loaded, children }: { pane: PaneMode; present: number; loaded: boolean; children: React.ReactNode }) {
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? present > 0;
  const gist = !loaded
    ? "reading what the server receives…"
    : present > 0
      ? `${present} credential${present === 1 ? "" : "s"} in this browser — every attribute explained`
      : "nothing to inspect yet: log in first (open to see what each cookie will be)";
  return (
    <details
      className="group rounded border border-slate-200"
      open={open}
      onToggle={(event) => {
        const nowOpen = event.currentTarget.open;
        // React sets `open` itself when it auto-opens; only a change it did not make is the learner's choice.
        if (nowOpen !== open) setChosen(nowOpen);
      }}
      data-testid={`${pane}-inspector`}
    >
      <summary className="flex min-h-9 cursor-pointer items-center gap-2 px-2 py-1.5 text-sm">
        <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
          ▸
        </span>
        <span className="font-semibold">Cookie inspector</span>
        <span className="text-xs text-slate-600">— {gist}</span>
      </summary>
      <div className="border-t border-slate-200 p-2">{children}</div>
    </details>
  );
}
