import { SERVER_ENTRY_MARK, STARTUP_CHECK } from "./scripts/lib/startup.mjs";

/**
 * Runs once when the server starts: the configuration check, whose promise is published for the
 * server entry (scripts/server.mjs). The entry opens the port only once it has resolved, and exits
 * non-zero when it rejects: a bad configuration never answers a request.
 */
export async function register(): Promise<void> {
  // The guard is on the env var itself so that Next drops the Node-only imports from the edge bundle.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Started some other way (plain `next start`): nobody would await the check, and the login limits
    // would have no trustworthy client address. Refuse rather than serve.
    if (!(globalThis as Record<symbol, unknown>)[SERVER_ENTRY_MARK]) {
      console.error("authlab: start the app with `npm start` or `npm run dev` (scripts/server.mjs), not `next start` or `next dev`: the client address that the login limits count by comes from that server entry");
      process.exit(1);
    }
    const check = import("./lib/config/startup-check").then(({ startupCheck }) => startupCheck());
    (globalThis as Record<symbol, unknown>)[STARTUP_CHECK] = check;
    await check;
  }
}
