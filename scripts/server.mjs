#!/usr/bin/env node
// AuthLab's server entry: `npm start` (production build) and `npm run dev` (`--dev`).
//
// It is Next.js's own request handler behind a plain node:http server, for two reasons the
// framework does not cover:
// 1. The client address. A route handler sees no peer address, and X-Forwarded-For arrives exactly
//    as the client sent it. Here the address comes from the connection, or from exactly the
//    TRUSTED_PROXY_HOPS proxies the operator declared (scripts/lib/client-address.mjs), and reaches
//    the app in one header that always overwrites a client-sent one.
// 2. Fail fast. `instrumentation.ts` checks the configuration (secrets, stores) at start-up, but
//    under `next start` an error there is only logged and the server answers 500 to everything. Here
//    the check's outcome is awaited before the port is opened: a bad configuration exits non-zero
//    and nothing ever listens.
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { CLIENT_ADDRESS_HEADER, parseTrustedProxyHops, resolveClientAddress } from "./lib/client-address.mjs";
import { refusal } from "./lib/request-guard.mjs";
import { SERVER_ENTRY_MARK, STARTUP_CHECK } from "./lib/startup.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function argValue(names) {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    for (const name of names) {
      if (args[i] === name) return args[i + 1];
      if (args[i]?.startsWith(`${name}=`)) return args[i].slice(name.length + 1);
    }
  }
  return undefined;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

const dev = process.argv.includes("--dev");
if (!dev) process.env.NODE_ENV ??= "production";
const port = Number(argValue(["--port", "-p"]) || process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`authlab: the port must be a whole number from 0 to 65535 (got "${process.env.PORT}")`);
// Every interface by default, like `next start`; `--hostname 127.0.0.1` (or HOST) binds one.
const hostname = argValue(["--hostname", "-H"]) ?? process.env.HOST ?? undefined;
const { hops: trustedHops, error: hopsError } = parseTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
if (hopsError) fail(hopsError);

// Route handlers check for this mark: the client-address header means something only under this
// entry. `selfOrigin`: where the lab's own server-side requests (replay, measure) reach this server.
const loopback = !hostname || hostname === "0.0.0.0" ? "127.0.0.1" : hostname === "::" ? "[::1]" : hostname.includes(":") ? `[${hostname}]` : hostname;
globalThis[SERVER_ENTRY_MARK] = { trustedProxyHops: trustedHops, selfOrigin: `http://${loopback}:${port}` };
process.env.PORT = String(port);

const httpServer = createServer();
const app = next({ dev, dir: root, hostname: hostname ?? "localhost", port, httpServer });
await app.prepare();

// instrumentation.ts register() has started by now (Next runs it while preparing) and published
// its promise; its outcome decides whether we listen at all.
const check = globalThis[STARTUP_CHECK];
if (!check) fail("authlab: the start-up check in instrumentation.ts did not run; was the app built (npm run build)?");
try {
  await check;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const handle = app.getRequestHandler();
httpServer.on("request", (req, res) => {
  // What the framework would answer with a 500 (an unknown method, a malformed path) or a redirect
  // to a host of the client's choosing (an absolute-form target) is refused here as the client's error.
  const refused = refusal(req.method, req.url);
  if (refused) {
    res.writeHead(refused.status, { "content-type": "application/json", "cache-control": "no-store", ...refused.headers });
    res.end(JSON.stringify({ error: { code: refused.code, message: refused.message } }));
    return;
  }
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops);
  void handle(req, res);
});
httpServer.on("error", (error) => fail(`authlab: cannot listen on ${hostname ?? "*"}:${port}: ${error.message}`));
httpServer.listen(port, hostname, () => {
  const shown = hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "localhost";
  console.log(`authlab: ${dev ? "dev server" : "ready"} on http://${shown}:${httpServer.address().port}${trustedHops ? ` (trusting ${trustedHops} proxy hop${trustedHops > 1 ? "s" : ""} of X-Forwarded-For)` : ""}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    httpServer.close();
    void app.close().finally(() => process.exit(0));
    // Open keep-alive connections must not hold the process up.
    setTimeout(() => process.exit(0), 2_000).unref();
  });
}
