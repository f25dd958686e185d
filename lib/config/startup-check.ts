import "server-only";
import { ensureDemoUsers } from "../users/seed";
import { appEnv } from "./env";
import { secrets } from "./secrets";

/**
 * The start-up check (instrumentation.ts): every configuration error surfaces here, before the
 * server entry opens its port — missing or short production secrets, a store choice without its
 * URL, a malformed variable — and the demo users are seeded where enabled.
 */
export async function startupCheck(): Promise<void> {
  const env = appEnv();
  secrets();
  if (env.seedDemoUsers) {
    const created = await ensureDemoUsers();
    if (created.length > 0) console.info(`authlab: seeded demo users ${created.join(", ")} (demo only; see README)`);
  }
  if (env.insecureCookies) {
    console.warn("authlab: AUTHLAB_INSECURE_COOKIES is on: cookies lose their __Host-/__Secure- prefixes and Secure. Use only on a trusted plain-HTTP network.");
  }
}
