"use client";

import type { ScenarioSlug } from "@/lib/scenarios/catalog";
import type { RunContext, Verdicts } from "../run-context";
import { adminRevokesUser } from "./admin-revokes-user";
import { csrf } from "./csrf";
import { expiry } from "./expiry";
import { replayAfterLogout } from "./replay-after-logout";
import { roleChange } from "./role-change";
import { sessionFixation } from "./session-fixation";
import { stolenRefreshToken } from "./stolen-refresh-token";
import { tampering } from "./tampering";
import { whereTheTokenLives } from "./where-the-token-lives";

export interface ScenarioRun {
  run: (ctx: RunContext) => Promise<Verdicts>;
  /** Opens the attacker's window during the click (pop-up blockers refuse any later one). */
  opensWindow?: boolean;
}

export const SCENARIO_RUNS: Record<ScenarioSlug, ScenarioRun> = {
  "replay-after-logout": { run: replayAfterLogout },
  "admin-revokes-user": { run: adminRevokesUser },
  "role-change": { run: roleChange },
  tampering: { run: tampering },
  expiry: { run: expiry },
  "stolen-refresh-token": { run: stolenRefreshToken },
  "where-the-token-lives": { run: whereTheTokenLives },
  csrf: { run: csrf, opensWindow: true },
  "session-fixation": { run: sessionFixation },
};
