import "server-only";
import { services } from "../auth/services";
import { DEFAULT_LAB_ID } from "../labs/lab-id";
import { sweepExpiredLabs } from "../labs/labs";
import { StoreUnavailableError } from "../errors";
import { stores } from "../stores/registry";
import { demoUserRows, ensureDemoUsers } from "../users/seed";
import { appEnv } from "./env";
import { secrets } from "./secrets";

/** How often each instance deletes labs whose idle time is up. */
const SWEEP_EVERY_MS = 60_000;
/**
 * How long start-up waits for the database to answer: a database that starts beside the app (or a
 * first connection on a busy machine) may take longer than one store operation's bound. After
 * that, the process stops with the store's error instead of listening without its database.
 */
const DATABASE_WAIT_MS = 15_000;

async function withDatabase<T>(step: string, run: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + DATABASE_WAIT_MS;
  for (;;) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || Date.now() > deadline) {
        if (error instanceof StoreUnavailableError) throw new Error(`authlab: the database did not answer within ${DATABASE_WAIT_MS / 1000} s at start-up (${step}): ${error.message}`);
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * The start-up check (instrumentation.ts): every configuration error surfaces here, before the
 * server entry opens its port — missing or short production secrets, ES256/EdDSA without its key
 * file, a store choice without its URL, a malformed variable. Then: the default lab exists, its demo users are seeded where enabled,
 * the demo users' hashes are ready for new labs, and expired labs are swept every minute.
 */
export async function startupCheck(): Promise<void> {
  const env = appEnv();
  secrets();
  // The signing keys are configuration too: ES256/EdDSA without a key file stops start-up here.
  await services().jwtKeys();
  await withDatabase("the default lab", () => stores().labs.ensureDefault(new Date()));
  if (env.seedDemoUsers) {
    const created = await withDatabase("the demo users", () => ensureDemoUsers(DEFAULT_LAB_ID));
    if (created.length > 0) console.info(`authlab: seeded demo users ${created.join(", ")} in the default lab (demo only; see README)`);
  } else {
    await demoUserRows();
  }
  if (env.insecureCookies) {
    console.warn("authlab: AUTHLAB_INSECURE_COOKIES is on: cookies lose their __Host-/__Secure- prefixes and Secure. Use only on a trusted plain-HTTP network.");
  }
  const sweep = () =>
    sweepExpiredLabs().catch((error: unknown) => console.warn("authlab: could not sweep expired labs:", error instanceof Error ? error.message : error));
  // The first sweep waits a little: not in the first requests' way, and instances started together
  // do not all sweep at once.
  setTimeout(() => {
    void sweep();
    setInterval(sweep, SWEEP_EVERY_MS).unref();
  }, 5_000 + Math.random() * 10_000).unref();
}
