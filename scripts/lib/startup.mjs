// Names shared by the server entry (scripts/server.mjs) and the app (instrumentation.ts, lib/http):
// global symbols, so that every Next bundle and the entry see the same value in one process.

/** Set by scripts/server.mjs: `{ trustedProxyHops }`. Its absence means the app was started some other way. */
export const SERVER_ENTRY_MARK = Symbol.for("authlab.serverEntry");

/** The promise of instrumentation.ts's start-up check; the server entry listens only once it resolves. */
export const STARTUP_CHECK = Symbol.for("authlab.startupCheck");
