import "server-only";
import { labKid } from "../auth/lab-keys";
import { services } from "../auth/services";
import { CLOCK_TOLERANCE_SECONDS } from "../auth/jwt-strategy";
import { ApiError } from "../errors";
import { MAX_LAB_KEY_GENERATION, type LabSigningKeys, type Settings } from "../settings/schema";
import { updateLabSettings } from "./lab-settings";
import type { LabState } from "./lab-state";

/**
 * The lab's signing keys after one rotation at `now` (the lab's clock): the next generation signs;
 * the one it replaces verifies until every token it can have signed has expired (the access
 * lifetime, plus the clock tolerance); retiring keys past their time are dropped.
 */
export function rotatedSigningKeys(state: LabSigningKeys, now: number, accessTtlSeconds: number): LabSigningKeys {
  if (state.generation >= MAX_LAB_KEY_GENERATION) throw new ApiError("VALIDATION_FAILED", { message: "This lab's signing key has been rotated as often as a lab's may: reset the lab to start again." });
  const retiresAt = now + (accessTtlSeconds + CLOCK_TOLERANCE_SECONDS) * 1000;
  const stillRetiring = state.retiring.filter((r) => r.retiresAt > now);
  return { generation: state.generation + 1, retiring: [...stillRetiring, { generation: state.generation, retiresAt }].slice(-4) };
}

export async function rotateLabKey(lab: LabState, now: number, settings: Settings): Promise<LabState> {
  return updateLabSettings(lab, { signingKeys: rotatedSigningKeys(lab.settings.signingKeys, now, settings.accessTtlSeconds) });
}

export interface LabKeyView {
  kid: string;
  /** 0 is the server's own key. */
  generation: number;
  status: "signing" | "verify-only" | "published-ahead";
  /** When a verify-only key stops verifying (ISO, on the lab's clock). */
  retiresAt: string | null;
}

/** What GET /api/labs/current/keys answers: the lab's keys, as a learner reads them. */
export async function labKeysView(lab: LabState, ctx: { labId: string; settings: Settings; now: number }) {
  const { jwtKeys, labJwtKeys } = services();
  const server = await jwtKeys();
  const set = await labJwtKeys(ctx);
  const state = ctx.settings.signingKeys;
  const kidOf = (generation: number) => (generation === 0 ? server.signingKid : labKid(lab.id, generation));
  const keys: LabKeyView[] = [
    { kid: set.signingKid, generation: state.generation, status: "signing", retiresAt: null },
    ...state.retiring
      .filter((r) => r.retiresAt > ctx.now && r.generation !== state.generation)
      .map((r) => ({ kid: kidOf(r.generation), generation: r.generation, status: "verify-only" as const, retiresAt: new Date(r.retiresAt).toISOString() })),
    { kid: labKid(lab.id, state.generation + 1), generation: state.generation + 1, status: "published-ahead", retiresAt: null },
  ];
  return {
    alg: set.alg,
    labId: lab.id,
    keys,
    jwksUrl: `/api/labs/${lab.id}/jwks.json`,
    /** HS256 keys are secrets: nothing to publish, and a second service cannot verify without being handed them. */
    publishable: set.alg !== "HS256",
    now: new Date(ctx.now).toISOString(),
  };
}

/** What GET and POST /api/labs/current/keys answer. */
export type LabKeysAnswer = Awaited<ReturnType<typeof labKeysView>>;
