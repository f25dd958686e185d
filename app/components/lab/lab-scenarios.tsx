"use client";

import { useState } from "react";
import type { ScenarioSlug } from "@/lib/scenarios/catalog";
import { ScenarioList } from "../scenarios/scenario-list";
import { ScenarioRunner } from "../scenarios/scenario-runner";

/**
 * The nine scenarios on the lab page itself: a run's requests appear in the panes' request flow,
 * history and server state as they happen. Each also has its own page at /scenarios/<slug>.
 */
export function LabScenarios() {
  const [running, setRunning] = useState<{ slug: ScenarioSlug; run: number } | null>(null);
  return (
    <section aria-labelledby="lab-scenarios-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="lab-scenarios-heading" className="text-xl font-bold">
        Scenarios: run both strategies through the same situation
      </h2>
      <ScenarioList onRun={(slug) => setRunning((previous) => ({ slug, run: (previous?.run ?? 0) + 1 }))} heading={null} />
      {running ? <ScenarioRunner key={`${running.slug}-${running.run}`} slug={running.slug} autoRun headingLevel={2} /> : null}
    </section>
  );
}
