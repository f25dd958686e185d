import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { newLabId } from "@/lib/labs/lab-id";

const MIGRATIONS_DIR = fileURLToPath(new URL("../prisma/migrations", import.meta.url));

/** Tables in delete order (children first), for {@link TestDb.reset}. */
const TABLES = ["RefreshToken", "RefreshFamily", "Session", "DenylistEntry", "AuthEvent", "ChallengeSolve", "Setting", "User", "Counter"] as const;

export interface TestDb {
  db: Db;
  url: string;
  file: string;
  /** Empties every table (labs but the default one, which the migrations create, included), so one file can serve a whole test file. */
  reset(): Promise<void>;
  /** Disconnects, deletes the file and restores DATABASE_URL. */
  close(): Promise<void>;
}

/**
 * A fresh SQLite database in a temp directory with every migration applied in order, exactly the
 * SQL `prisma migrate deploy` would run. DATABASE_URL points at it until `close()`.
 */
export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "authlab-test-"));
  const file = path.join(dir, "test.db");
  const raw = new Database(file);
  try {
    const migrations = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    if (migrations.length === 0) throw new Error(`no migrations in ${MIGRATIONS_DIR}`);
    for (const name of migrations) {
      raw.exec(readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
    }
  } finally {
    raw.close();
  }

  const url = `file:${file}`;
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  const db = createPrismaClient(url);

  return {
    db,
    url,
    file,
    async reset() {
      for (const table of TABLES) await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
      await db.$executeRawUnsafe(`DELETE FROM "Lab" WHERE "id" <> 'default'`);
    },
    async close() {
      await db.$disconnect();
      if (previousUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previousUrl;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Inserts a user row directly (no password hashing: these tests never log in by password), in the default lab unless told. */
export async function insertUser(db: Db, fields: { email?: string; role?: "user" | "admin"; disabled?: boolean; labId?: string } = {}) {
  return db.user.create({
    data: {
      labId: fields.labId ?? "default",
      email: fields.email ?? `${crypto.randomUUID()}@example.test`,
      passwordHash: "not-a-real-hash",
      role: fields.role ?? "user",
      disabled: fields.disabled ?? false,
    },
  });
}

/** Inserts a lab row directly (tests of isolation between labs). */
export async function insertLab(db: Db, id: string = newLabId()): Promise<string> {
  const now = new Date();
  await db.lab.create({ data: { id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 86_400_000), settings: "{}" } });
  return id;
}
