import "server-only";
import { appEnv } from "../config/env";
import type { LabState } from "./lab-state";
import { labToolsOpen } from "./request-lab";

/** A lab as the API shows it: its public id, whether it is the shared default, and how long it lives. */
export function labView(lab: LabState) {
  const env = appEnv();
  return {
    id: lab.id,
    isDefault: lab.isDefault,
    createdAt: lab.createdAt.toISOString(),
    expiresAt: lab.isDefault ? null : lab.expiresAt.toISOString(),
    idleSeconds: lab.isDefault ? null : env.labs.idleSeconds,
    toolsOpen: labToolsOpen(lab),
    limits: { users: env.labs.maxUsers, sessions: env.labs.maxSessions, refreshFamilies: env.labs.maxFamilies },
  };
}
