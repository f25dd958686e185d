// Prisma CLI configuration (Prisma 7 reads the datasource URL from here, not from the schema).
//
// One schema cannot serve two providers, so AuthLab keeps twins: prisma/schema.prisma (SQLite, the
// default) and prisma/postgres/schema.prisma. The DATABASE_URL scheme picks the twin and its
// migrations folder, so `prisma migrate deploy` does the right thing for either database.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const projectRoot = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_DATABASE_URL = "file:./data/authlab.db";

const databaseUrl = process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
const isPostgres = /^postgres(ql)?:\/\//i.test(databaseUrl);

/**
 * A relative SQLite path is resolved against the project root, not against whatever directory the
 * schema engine happens to run in, so the CLI, the app (lib/db/client.ts) and scripts agree on one file.
 */
function absoluteSqliteUrl(url: string): string {
  const filePath = url.replace(/^file:/, "");
  return path.isAbsolute(filePath) ? url : `file:${path.resolve(projectRoot, filePath)}`;
}

/**
 * True when @prisma/engines has a native `schema-engine-<binaryTarget>` binary installed (its
 * postinstall downloads one wherever binaries.prisma.sh is reachable). Only then is the real
 * engine used; otherwise the CLI would try to download it on every command and fail offline.
 */
function hasNativeSchemaEngine(): boolean {
  const candidateDirs = ["node_modules/@prisma/engines", "node_modules/prisma"].map((dir) => path.join(projectRoot, dir));
  return candidateDirs.some(
    (dir) =>
      existsSync(dir) &&
      readdirSync(dir).some((name) => name.startsWith("schema-engine-") && !/\.(sha256|gz|sig)$/.test(name)),
  );
}

if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && !hasNativeSchemaEngine()) {
  // The shim speaks the engine's JSON-RPC and runs @prisma/schema-engine-wasm; see prisma/engine/.
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(projectRoot, "prisma/engine/schema-engine.mjs");
}

export default defineConfig({
  schema: path.join(projectRoot, isPostgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma"),
  migrations: {
    path: path.join(projectRoot, isPostgres ? "prisma/postgres/migrations" : "prisma/migrations"),
  },
  datasource: {
    url: isPostgres ? databaseUrl : absoluteSqliteUrl(databaseUrl),
  },
});
