"use client";

import { useCallback, useState } from "react";
import { FlowHistory, LatestComparison } from "./flow-history";
import type { JwtStorage as JwtStorageSetting } from "@/lib/settings/schema";
import type { SettingsView } from "@/lib/settings/settings-view";
import { InstancesPanel } from "./instances-panel";
import { lab } from "./lab-client";
import { LabScenarios } from "./lab-scenarios";
import { MeasurePanel } from "./measure-panel";
import { AuthPane } from "./pane";
import { SecondServicePanel } from "./second-service-panel";
import { StatePanel } from "./state-panel";
import { StorePanel } from "./store-panel";
import { readToken } from "./token-holder";
import { useExchanges, useReloadOnLabActivity } from "./use-lab-events";

/** The id of the row that holds the panes (and what the tour shows beside them): the tour scrolls it into view. */
export const LAB_STAGE_ID = "lab-stage";

/**
 * The lab: a Session pane and a JWT pane side by side, each a live client of its strategy, with
 * the request flow of every call, the cookies explained and the server's state after every action.
 * `beside` sits in the same row as the panes (the tour's "watch" and results), so that on a
 * projector the class sees a step act and its outcome in one screen.
 */
export function LabWorkspace({ beside }: { beside?: React.ReactNode }) {
  const [exchanges, clear] = useExchanges();
  const [storage, setStorage] = useState<JwtStorageSetting>("cookie");
  const loadSettings = useCallback(async () => {
    const answer = await lab.settings({ quiet: true });
    if (answer.ok) setStorage((answer.body as SettingsView).settings.jwtStorage);
  }, []);
  useReloadOnLabActivity(loadSettings, 300);
  const jwtBearer = () => (storage === "cookie" ? null : readToken(storage));

  return (
    <div className="space-y-4">
      <div id={LAB_STAGE_ID} className={`grid scroll-mt-2 gap-4 [&>*]:min-w-0 lg:grid-cols-2 ${beside ? "xl:grid-cols-[minmax(0,11fr)_minmax(0,7fr)_minmax(0,7fr)]" : ""}`}>
        {beside ? <div className="lg:col-span-2 xl:col-span-1">{beside}</div> : null}
        <AuthPane pane="session" storage="cookie" />
        <AuthPane pane="jwt" storage={storage} />
      </div>
      <LatestComparison exchanges={exchanges} />
      <LabScenarios />
      <FlowHistory exchanges={exchanges} onClear={clear} />
      <StatePanel />
      <div className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">More of the lab — open any to use it</p>
        <StorePanel />
        <SecondServicePanel jwtBearer={jwtBearer} />
        <InstancesPanel jwtBearer={jwtBearer} />
        <MeasurePanel />
      </div>
    </div>
  );
}
