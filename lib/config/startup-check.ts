import "server-only";
import { DEFAULT_LAB_ID } from "../labs/lab-id";
import { sweepExpiredLabs } from "../labs/labs";
import { stores } from "../stores/registry";
import { demoUserRows, ensureDemoUsers } from "../users/seed";
import { appEnv } from "./env";
import { secrets } from "./secrets";

/** How often each instance deletes labs whose idle time is up. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The start-up check (instrumentation.ts): every configuration error surfaces here, before the
 * server entry opens its port — missing or short production secrets, a store choice without its
 * URL, a malformed variable. Then: the default lab exists, its demo users are seeded where enabled,
 * the demo users' hashes are ready for new labs, and expired labs are swept every minute.
 */
export async function startupCheck(): Promise<void> {
  const env = appEnv();
  secrets();
  await stores().labs.ensureDefault(new Date());
  if (env.seedDemoUsers) {
    const created = await ensureDemoUsers(DEFAULT_LAB_ID);
    if (created.length > 0) console.info(`authlab: seeded demo users ${created.join(", ")} in the default lab (demo only; see README)`);
  } else {
    await demoUserRows();
  }
  if (env.insecureCookies) {
    console.warn("authlab: AUTHLAB_INSECURE_COOKIES is on: cookies lose their __Host-/__Secure- prefixes and Secure. Use only on a trusted plain-HTTP network.");
  }
  const sweep = () =>
    sweepExpiredLabs().catch((error: unknown) => console.warn("authlab: could not sweep expired labs:", error instanceof Error ? error.message : error));
  void sweep();
  setInterval(sweep, SWEEP_EVERY_MS).unref();
}
