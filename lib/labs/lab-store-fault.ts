import "server-only";
import { appEnv } from "../config/env";
import { ApiError } from "../errors";
import type { Settings } from "../settings/schema";
import type { StoreKind } from "../stores/types";
import { updateLabSettings } from "./lab-settings";
import type { LabState } from "./lab-state";

/** What GET and PUT /api/labs/current/store-fault answer. */
export interface StoreFaultView {
  labId: string;
  /** Is this lab's outage switch on: its session store and denylist store refusing every operation? */
  on: boolean;
  /** False in the shared default lab, which never gets the switch. */
  available: boolean;
  /** The stores that refuse while it is on: where sessions are (the operator's choice) and where the denylist is. */
  sessionStore: StoreKind;
  denylistStore: StoreKind;
  /** With the denylist on, JWTs need its store too, and are refused (fail closed); off, they keep verifying. */
  denylistEnabled: boolean;
}

export function storeFaultView(lab: LabState, settings: Pick<Settings, "storeFault" | "sessionStore" | "denylistEnabled">): StoreFaultView {
  return {
    labId: lab.id,
    on: settings.storeFault,
    available: !lab.isDefault,
    sessionStore: settings.sessionStore,
    denylistStore: appEnv().stores.denylist,
    denylistEnabled: settings.denylistEnabled,
  };
}

/**
 * Turns a lab's outage switch on or off: in force for the lab's next request on this instance, on
 * every other within a second (like any setting). Never in the shared default lab — everyone shares
 * it and its admin password is public, so anyone could take everybody's sessions down.
 */
export async function setStoreFault(lab: LabState, on: boolean): Promise<LabState> {
  if (lab.isDefault) throw new ApiError("STORE_FAULT_DEFAULT_LAB");
  return updateLabSettings(lab, { storeFault: on });
}
