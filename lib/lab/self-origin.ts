import "server-only";
import { SERVER_ENTRY_MARK } from "../../scripts/lib/startup.mjs";

/**
 * This server itself, for the lab's server-side requests (replay, measure): the address the server
 * entry (scripts/server.mjs) actually listens on — loopback when it listens everywhere. Never a
 * host taken from the request: a forged Host header must not aim the server anywhere else (SSRF).
 */
export function selfOrigin(): string {
  const entry = (globalThis as Record<symbol, { selfOrigin?: string } | undefined>)[SERVER_ENTRY_MARK];
  return entry?.selfOrigin ?? `http://127.0.0.1:${process.env.PORT || "3000"}`;
}
