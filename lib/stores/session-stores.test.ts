import { createTestDb, insertUser } from "@/test/sqlite-db";
import { MemorySessionStore } from "./memory-session-store";
import { PrismaSessionStore } from "./prisma-session-store";
import { sessionStoreContract } from "./session-store.contract";

sessionStoreContract("MemorySessionStore", async () => {
  let store = new MemorySessionStore();
  let next = 0;
  return {
    get store() {
      return store;
    },
    createUser: async () => `memory-user-${++next}`,
    reset: async () => {
      store = new MemorySessionStore();
    },
    close: async () => undefined,
  };
});

sessionStoreContract("PrismaSessionStore (SQLite)", async () => {
  const testDb = await createTestDb();
  return {
    store: new PrismaSessionStore(testDb.db),
    createUser: async () => (await insertUser(testDb.db)).id,
    reset: () => testDb.reset(),
    close: () => testDb.close(),
  };
});
