/**
 * Runs once when the server starts: fail fast on bad configuration (missing production secrets,
 * malformed settings) instead of on the first request, and seed the demo users where enabled.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { appEnv } = await import("./lib/config/env");
  const { secrets } = await import("./lib/config/secrets");
  const env = appEnv();
  secrets();
  if (env.seedDemoUsers) {
    const { ensureDemoUsers } = await import("./lib/users/seed");
    const created = await ensureDemoUsers();
    if (created.length > 0) console.info(`authlab: seeded demo users ${created.join(", ")} (demo only; see README)`);
  }
  if (env.insecureCookies) {
    console.warn("authlab: AUTHLAB_INSECURE_COOKIES is on: cookies lose their __Host-/__Secure- prefixes and Secure. Use only on a trusted plain-HTTP network.");
  }
}
