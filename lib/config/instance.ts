import { appEnv } from "./env";

/**
 * When this process started, from the runtime's own clock origin: one value per process whichever
 * Next bundle (proxy, route handlers, pages) asks, and it changes only when the process restarts.
 * The lab shows it so that "the server restarted" is something a learner can see.
 */
export function instanceStartedAt(): string {
  return new Date(Math.round(performance.timeOrigin)).toISOString();
}

/** Who served a request: `INSTANCE_ID` (or port-pid) and the process start time. */
export function instanceIdentity(): { instanceId: string; startedAt: string } {
  return { instanceId: appEnv().instanceId, startedAt: instanceStartedAt() };
}

/** `GET /api/lab/instance`: public facts about the process that answered. */
export interface InstanceInfo {
  instanceId: string;
  startedAt: string;
  pid: number;
  sessionStore: string;
  denylistStore: string;
  /** Other instances the lab may relay a credential to (`PEER_URLS`). */
  peers: string[];
}
