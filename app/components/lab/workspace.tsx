"use client";

import { useCallback, useState } from "react";
import { FlowHistory, LatestComparison } from "./flow-history";
import type { JwtStorageSetting, SettingsView } from "./inspect-types";
import { lab } from "./lab-client";
import { LabScenarios } from "./lab-scenarios";
import { AuthPane } from "./pane";
import { SecondServicePanel } from "./second-service-panel";
import { InstancesPanel } from "./instances-panel";
import { MeasurePanel } from "./measure-panel";
import { StatePanel } from "./state-panel";
import { StorePanel } from "./store-panel";
import { readToken } from "./token-holder";
import { useExchanges, useReloadOnLabActivity } from "./use-lab-events";

/**
 * The lab: a Session pane and a JWT pane side by side, each a live client of its strategy, with
 * the request flow of every call, the cookies explained and the server's state after every action.
 */
export function LabWorkspace({ children }: { children?: React.ReactNode }) {
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
      <div className="grid gap-4 lg:grid-cols-2">
        <AuthPane pane="session" storage="cookie" />
        <AuthPane pane="jwt" storage={storage} />
      </div>
      {children}
      <LabScenarios />
      <LatestComparison exchanges={exchanges} />
      <FlowHistory exchanges={exchanges} onClear={clear} />
      <StatePanel />
      <StorePanel />
      <SecondServicePanel jwtBearer={jwtBearer} />
      <InstancesPanel jwtBearer={jwtBearer} />
      <MeasurePanel />
    </div>
  );
}
