import "server-only";
import type { CredentialInput } from "../auth/types";
import { appEnv } from "../config/env";
import { ApiError } from "../errors";
import { getServerSettings } from "../settings/settings";
import type { Settings } from "../settings/schema";
import { labCookieName, readLabCookie } from "./lab-cookie";
import { DEFAULT_LAB_ID } from "./lab-id";
import { labState, touchLab, type LabState } from "./lab-state";

/**
 * The lab a request acts in: the one its lab cookie (or, without one, its X-AuthLab-Lab header)
 * proves, else the server's default lab (a client
 * without a lab cookie: curl, the README's examples). A cookie that does not verify is a 400 and a
 * cookie naming a lab that expired a 410 — never a silent fall-back into the shared default lab.
 */
export async function requestLab(input: CredentialInput): Promise<LabState> {
  const reading = readLabCookie(input.cookies[labCookieName()] ?? input.lab ?? undefined);
  if (reading.kind === "invalid") throw new ApiError("LAB_COOKIE_INVALID");
  const id = reading.kind === "lab" ? reading.labId : DEFAULT_LAB_ID;
  const lab = await labState(id);
  if (!lab) {
    if (id === DEFAULT_LAB_ID) throw new Error("the default lab is missing: run the migrations (npm run db:migrate)");
    throw new ApiError("LAB_GONE");
  }
  await touchLab(lab);
  return lab;
}

/**
 * The lab's auth clock: real time plus its demo-clock offset. The default lab's offset counts only
 * where its demo tools are open (DEMO_CLOCK). Password hashing and rate limits never read it.
 */
export function labNow(lab: LabState, realNow: number = Date.now()): number {
  return realNow + (lab.isDefault && !appEnv().demoClockEnabled ? 0 : lab.settings.demoClockOffsetMs);
}

/** May anyone in this lab use its demo tools (clock, reset) — and is its admin's word enough for its settings? */
export function labToolsOpen(lab: LabState): boolean {
  return !lab.isDefault || appEnv().demoClockEnabled;
}

/** The settings in force for a request in `lab`: the lab's own and the server's. */
export async function settingsFor(lab: LabState): Promise<Settings> {
  return { ...lab.settings, ...(await getServerSettings()) };
}
