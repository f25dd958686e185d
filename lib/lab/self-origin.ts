import "server-only";

/**
 * This server itself, over loopback, for the lab's server-side requests (replay, measure). Never a
 * host taken from the request: a forged Host header must not aim the server anywhere else (SSRF).
 */
export function selfOrigin(): string {
  return `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
}
