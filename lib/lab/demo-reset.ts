import "server-only";
import { getPrisma } from "../db/client";
import { services } from "../auth/services";
import { resetSettings } from "../settings/settings";
import { resetPasswordAttemptLimiter } from "../users/rate-limit";
import { ensureDemoUsers } from "../users/seed";
import { clearCaptures } from "./captures";

/**
 * Puts the demo back to its first-run state in one go: every session, refresh family, denylist
 * entry, event and setting gone (the demo clock back to real time), users back to the seeded demo
 * accounts, login counters forgotten.
 */
export async function resetDemo(): Promise<{ users: string[] }> {
  const db = getPrisma();
  const { sessionStores, denylist } = services();
  for (const store of sessionStores.all()) await store.deleteAll();
  await denylist.clear();
  await db.$transaction([db.session.deleteMany({}), db.refreshFamily.deleteMany({}), db.authEvent.deleteMany({}), db.user.deleteMany({})]);
  await resetSettings();
  await resetPasswordAttemptLimiter();
  clearCaptures();
  await ensureDemoUsers();
  return { users: (await db.user.findMany({ select: { email: true } })).map((u) => u.email) };
}
