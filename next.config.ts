import type { NextConfig } from "next";
import { fileURLToPath } from "node:url";

const projectDir = fileURLToPath(new URL(".", import.meta.url));

const nextConfig: NextConfig = {
  // A lockfile in a parent folder must not become the workspace root.
  turbopack: { root: projectDir },
  outputFileTracingRoot: projectDir,
  // Native and wasm-backed packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  // `next dev` serves its scripts and hot reload to localhost only: a page opened at 127.0.0.1 would
  // never hydrate. The lab uses both names (the CSRF scenario plays "another site" with the other one).
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // `npm run typecheck` (tsc --noEmit over app, lib, tests and e2e) runs before every build in
  // `npm test`; checking again inside `next build` would only double the time.
  typescript: { ignoreBuildErrors: true },
  // `AUTHLAB_PROFILE_BUILD=1 npm run build`: server code left readable, for a CPU profile (README "Benchmark").
  experimental: { serverMinification: process.env.AUTHLAB_PROFILE_BUILD !== "1" },
  // Security headers are set by proxy.ts (pages) and lib/http/respond.ts (APIs), not by a catch-all
  // headers() rule that every request, /api/ping included, would pay for.
};

export default nextConfig;
