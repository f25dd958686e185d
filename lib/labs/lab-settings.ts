import "server-only";
import { labSettingsSchema, type LabSettings } from "../settings/schema";
import { labStore } from "../stores/registry";
import { ApiError } from "../errors";
import { rememberLab, type LabState } from "./lab-state";

/**
 * Changes a lab's settings (its admin's, or anyone's for the demo clock): validated as a whole,
 * stored as the lab's JSON, in force on this instance at once and on every other within a second.
 */
export async function updateLabSettings(lab: LabState, patch: Partial<LabSettings>): Promise<LabState> {
  const settings: LabSettings = labSettingsSchema.parse({ ...lab.settings, ...patch });
  if (!(await labStore().saveSettings(lab.id, JSON.stringify(settings)))) throw new ApiError("LAB_GONE");
  const next = { ...lab, settings };
  rememberLab(next);
  return next;
}
