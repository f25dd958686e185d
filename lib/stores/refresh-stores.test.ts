import { describe } from "vitest";
import { createPgTestDb } from "@/test/pg-db";
import { postgresGate } from "@/test/services";
import { createTestDb, insertLab, insertUser } from "@/test/sqlite-db";
import { refreshStoreContract } from "./refresh-store.contract";
import { RefreshStore } from "./refresh-store";

refreshStoreContract("RefreshStore (SQLite)", async () => {
  const testDb = await createTestDb();
  return {
    store: new RefreshStore(testDb.db),
    lab: "default",
    otherLab: () => insertLab(testDb.db),
    createUser: async (lab?: string) => (await insertUser(testDb.db, { labId: lab })).id,
    reset: () => testDb.reset(),
    close: () => testDb.close(),
  };
});

const postgres = await postgresGate("refresh-stores.test");
describe.skipIf(postgres.skip)("with PostgreSQL", () => {
  refreshStoreContract("RefreshStore (PostgreSQL)", async () => {
    postgres.require();
    const testDb = await createPgTestDb();
    return {
      store: new RefreshStore(testDb.db),
      lab: "default",
      otherLab: () => insertLab(testDb.db),
      createUser: async (lab?: string) => (await insertUser(testDb.db, { labId: lab })).id,
      reset: () => testDb.reset(),
      close: () => testDb.close(),
    };
  });
});
