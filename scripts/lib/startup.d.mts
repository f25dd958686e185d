// Types for startup.mjs.
export const SERVER_ENTRY_MARK: unique symbol;
export const STARTUP_CHECK: unique symbol;
