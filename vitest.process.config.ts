import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Tests that start real server processes (the production build: `npm run build` first). Kept apart
 * from the unit suite (vitest.config.ts) because they need the build and take tens of seconds;
 * `npm test` runs them after the build, one file at a time (they bind ports and share PostgreSQL).
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/process/**/*.process.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
