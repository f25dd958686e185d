import "server-only";
import { limitKeyForAddress } from "../../scripts/lib/client-address.mjs";
import { appEnv } from "../config/env";
import { ApiError } from "../errors";
import { forgetCaptures } from "../lab/captures";
import { stores } from "../stores/registry";
import { redisBackend } from "../stores/redis-connection";
import { SERVER_HOUSEKEEPING } from "../stores/store-fault";
import { Budget } from "../users/budget";
import { demoUserRows } from "../users/seed";
import { DEFAULT_LAB_ID, newLabId } from "./lab-id";
import { forgetLab, labState, type LabState } from "./lab-state";

// One creation budget per process, on globalThis (each route is bundled separately).
const shared = globalThis as typeof globalThis & { __authlabLabBudget?: Budget };

function creationBudget(): Budget {
  const { labs, stores: kinds } = appEnv();
  shared.__authlabLabBudget ??= new Budget({ name: "lab-create", points: labs.createPerAddress, windowSeconds: labs.createWindowSeconds, redis: kinds.rateLimit === "redis" ? redisBackend() : undefined });
  return shared.__authlabLabBudget;
}

/**
 * A new lab for a visitor, with its own demo users (alice and admin), default settings and clock.
 * Refused with 429 and Retry-After when this client address has created its budget of labs in the
 * window (LAB_CREATE_PER_ADDRESS per LAB_CREATE_WINDOW_SECONDS), or the server holds LAB_MAX_LIVE
 * labs already; both refusals are counted for the operator.
 */
export async function createLab(clientAddress: string): Promise<LabState> {
  const env = appEnv();
  const { labs } = stores();
  const spent = await creationBudget().spend(limitKeyForAddress(clientAddress));
  if (!spent.ok) {
    await labs.count("labs.refused");
    throw new ApiError("LAB_CREATION_RATE_LIMITED", { headers: { "Retry-After": String(spent.retryAfterSeconds) }, details: { retryAfterSeconds: spent.retryAfterSeconds, perAddress: env.labs.createPerAddress, windowSeconds: env.labs.createWindowSeconds } });
  }
  const now = new Date();
  const record = { id: newLabId(), createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + env.labs.idleSeconds * 1000), settings: "{}" };
  const outcome = await labs.create(record, await demoUserRows(), env.labs.maxLive);
  if (outcome === "full") {
    await labs.count("labs.refused");
    // A slot frees up when the next idle lab expires; the sweep runs every minute.
    throw new ApiError("LABS_AT_CAPACITY", { headers: { "Retry-After": "60" }, details: { maxLive: env.labs.maxLive } });
  }
  const state = await labState(record.id);
  if (!state) throw new Error(`lab ${record.id} vanished right after it was created`);
  return state;
}

/**
 * Everything of the lab outside the database: sessions in memory or Redis, the Redis denylist,
 * captures. The server's own housekeeping: the lab's outage switch does not stand in its way.
 */
async function forgetOutsideDatabase(labId: string): Promise<void> {
  const { sessionStores, denylist } = stores();
  for (const store of sessionStores.all(SERVER_HOUSEKEEPING)) if (store.kind !== "database") await store.deleteLab(labId);
  if (denylist.kind !== "database") await denylist.clear(labId);
  forgetCaptures(labId);
}

/** Deletes a lab and all it holds (the database cascades; other stores are emptied here). The default lab stays. */
export async function deleteLab(labId: string, reason: "labs.deleted" | "labs.expired" = "labs.deleted"): Promise<boolean> {
  if (labId === DEFAULT_LAB_ID) return false;
  await forgetOutsideDatabase(labId);
  const deleted = await stores().labs.delete(labId, reason);
  forgetLab(labId);
  return deleted;
}

/**
 * The demo reset, for one lab: every session, refresh family, denylist entry, event and registered
 * user of the lab gone, its demo users restored, its settings and clock back to defaults. Nothing
 * outside the lab is touched.
 */
export async function resetLab(labId: string): Promise<{ users: string[] }> {
  const { labs, users } = stores();
  await forgetOutsideDatabase(labId);
  await labs.emptyLab(labId);
  await labs.saveSettings(labId, "{}");
  for (const demo of await demoUserRows()) await users.create({ labId, email: demo.email, role: demo.role === "admin" ? "admin" : "user", passwordHash: demo.passwordHash });
  forgetLab(labId);
  return { users: (await users.list(labId)).map((u) => u.email) };
}

const SWEEP_BATCH = 100;

/** Deletes the labs whose idle deadline has passed; returns how many went. Every instance may sweep. */
export async function sweepExpiredLabs(now = new Date()): Promise<number> {
  let deleted = 0;
  for (const id of await stores().labs.expired(now, SWEEP_BATCH)) {
    if (await deleteLab(id, "labs.expired")) deleted++;
  }
  return deleted;
}
