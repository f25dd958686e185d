"use client";

import { formatCountdown, formatDuration } from "@/lib/scenarios/format";
import { remainingMs } from "@/lib/scenarios/replay";
import { DEMO_USERS } from "@/lib/users/demo-users";
import { lab, labFetch, type LabExchange, type PaneMode } from "../../lab/lab-client";
import { ScenarioStopped, type RunContext } from "../run-context";
import type { ClockBody, LoginBody, MeBody, SettingsBody } from "./bodies";

export const ALICE = DEMO_USERS[0];
export const ADMIN = DEMO_USERS[1];
export const ALICE_BROWSER = "Alice's browser";

/** "200" or "401 SESSION_NOT_FOUND": a result as a learner reads it. */
export function result(status: number | undefined, code?: string): string {
  if (status === undefined) return "no answer";
  return code ? `${status} ${code}` : String(status);
}

export function logIn(ctx: RunContext, pane: PaneMode, user = ALICE): Promise<LabExchange<LoginBody>> {
  return ctx.request(pane, ALICE_BROWSER, () => lab.login(pane, user) as Promise<LabExchange<LoginBody>>, {
    label: `Log in as ${user.email} (${pane === "session" ? "session" : "JWT"})`,
    require: [200],
  });
}

/** The protected API, from Alice's browser, with a note saying who the server thinks she is. */
export function callApi(ctx: RunContext, pane: PaneMode, options: { label?: string; bearer?: string; note?: (ex: LabExchange<MeBody>) => string | undefined; clockOffsetMs?: number } = {}): Promise<LabExchange<MeBody>> {
  return ctx.request(pane, ALICE_BROWSER, () => lab.me(pane, options.bearer ?? null) as Promise<LabExchange<MeBody>>, {
    label: options.label ?? "Call the protected API",
    note: options.note ?? ((ex) => meNote(ex, options.clockOffsetMs)),
  });
}

/** "Signed in as … (role …)", plus the JWT's remaining validity when the clock offset is known. */
export function meNote(ex: LabExchange<MeBody>, clockOffsetMs?: number): string | undefined {
  const user = ex.body?.user;
  if (!ex.ok || !user) return undefined;
  const left = clockOffsetMs !== undefined ? validFor(ex, clockOffsetMs) : null;
  return `Accepted as ${user.email}, role ${user.role}${left ? `; valid for another ${left}` : ""}.`;
}

/** How long the credential of an accepted /api/me request stays valid, on the server's auth clock. */
export function validFor(ex: LabExchange<MeBody>, clockOffsetMs: number): string | null {
  const expiresAt = ex.body?.credential?.expiresAt;
  if (!expiresAt || !ex.trace) return null;
  return formatCountdown(remainingMs(expiresAt, ex.trace.startedAt, clockOffsetMs));
}

export async function readSettings(ctx: RunContext): Promise<SettingsBody["settings"]> {
  const ex = await ctx.request("lab", "Lab", () => lab.settings() as Promise<LabExchange<SettingsBody>>, { label: "Read the server's settings", require: [200] });
  return ex.body!.settings;
}

export async function readClock(ctx: RunContext): Promise<ClockBody> {
  const ex = await ctx.request("lab", "Lab", () => lab.clock() as Promise<LabExchange<ClockBody>>, {
    label: "Read the server's auth clock",
    require: [200],
    note: (e) => (e.body && e.body.offsetMs > 0 ? `The demo clock is ${formatDuration(e.body.offsetMs / 1000)} ahead of real time.` : "The auth clock is on real time."),
  });
  return ex.body!;
}

export async function adminToken(ctx: RunContext): Promise<string> {
  const ex = await ctx.request("lab", "Admin", () => lab.adminToken(ADMIN), {
    label: `Get an admin token for ${ADMIN.email} (page memory only, no cookies)`,
    require: [200],
  });
  return ex.body!.accessToken;
}

/**
 * Changes settings as the admin and promises to put the previous values back afterwards (with a
 * fresh admin token: the clock may have moved past the first one's exp by then).
 */
export async function changeSettings(ctx: RunContext, current: SettingsBody["settings"], patch: Partial<SettingsBody["settings"]>, label: string, bearer?: string): Promise<void> {
  const token = bearer ?? (await adminToken(ctx));
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as (keyof typeof patch)[]) previous[key] = current[key];
  await ctx.request("lab", "Admin", () => lab.patchSettings(patch, token), { label, require: [200] });
  ctx.onCleanup("Put the settings back", async () => {
    const again = await adminToken(ctx);
    await ctx.request("lab", "Clean-up", () => lab.patchSettings(previous, again), {
      label: `Put the settings back: ${Object.entries(previous).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(", ")}`,
      require: [200],
    });
  });
}

/** Moves the demo clock; the first move also promises to put the clock back where it was. */
export async function moveClock(ctx: RunContext, clock: ClockBody, seconds: number, why: string): Promise<void> {
  if (!clock.enabled) throw new ScenarioStopped("The demo clock is disabled on this server (DEMO_CLOCK is off, the default in production), so time cannot be fast-forwarded.");
  await ctx.request("lab", "Demo clock", () => lab.advanceClock(seconds), { label: `Move the clock forward ${formatDuration(seconds)}`, note: () => why, require: [200] });
}

export function restoreClockAfterwards(ctx: RunContext, clock: ClockBody): void {
  ctx.onCleanup("Put the demo clock back", async () => {
    await ctx.request("lab", "Clean-up", () => lab.resetClock(), { label: "Put the demo clock back on real time", require: [200] });
    const seconds = Math.round(clock.offsetMs / 1000);
    if (seconds > 0) {
      await ctx.request("lab", "Clean-up", () => lab.advanceClock(seconds), { label: `…and forward again by the ${formatDuration(seconds)} it was ahead before`, require: [200] });
    }
  });
}

/** A request with a token the page holds, labelled with what travelled. */
export function sendToken<T = MeBody>(pane: PaneMode, label: string, token: string, what: string): Promise<LabExchange<T>> {
  return labFetch<T>(pane, label, `/api/me?mode=${pane}`, { bearer: token, sent: `Authorization: Bearer <${what}>` });
}
