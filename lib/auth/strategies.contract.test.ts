import { FakeUsers, JWT_SECRET, SEAL_PASSWORD } from "@/test/auth-fixtures";
import { createTestDb, insertUser, type TestDb } from "@/test/sqlite-db";
import { MemorySessionStore } from "../stores/memory-session-store";
import { PrismaDenylistStore } from "../stores/prisma-denylist-store";
import { PrismaSessionStore } from "../stores/prisma-session-store";
import { singleSessionStore } from "../stores/session-store-provider";
import type { SessionStore } from "../stores/types";
import { UserStore } from "../stores/prisma-user-store";
import { toAuthUser } from "../users/users";
import { refreshService } from "@/test/refresh-service";
import { hmacKeySet } from "./jwt-keys";
import { JwtStrategy } from "./jwt-strategy";
import { SessionStrategy } from "./session-strategy";
import { strategyContract, type StrategyHarness } from "./strategy.contract";

const SESSION_COOKIE = "__Host-session";
const ACCESS_COOKIE = "__Host-access";
const REFRESH_COOKIE = "__Secure-refresh";

strategyContract({
  name: "SessionStrategy + MemorySessionStore",
  mode: "session",
  async setup(): Promise<StrategyHarness> {
    let users = new FakeUsers();
    let store = new MemorySessionStore();
    const build = () => new SessionStrategy({ stores: singleSessionStore(store), users, sealPasswords: { "1": SEAL_PASSWORD }, cookieName: SESSION_COOKIE, maxSessionsPerLab: 1_000 });
    let strategy = build();
    return {
      get strategy() {
        return strategy;
      },
      createUser: async () => toAuthUser(users.add()),
      disableUser: async (id) => {
        const row = users.rows.get(id);
        if (row) users.rows.set(id, { ...row, disabled: true });
      },
      credentialCookie: SESSION_COOKIE,
      reset: async () => {
        users = new FakeUsers();
        store = new MemorySessionStore();
        strategy = build();
      },
      close: async () => undefined,
    };
  },
});

async function dbHarness(make: (testDb: TestDb) => SessionStrategy | JwtStrategy, credentialCookie: string): Promise<StrategyHarness> {
  const testDb = await createTestDb();
  const strategy = make(testDb);
  return {
    strategy,
    createUser: async () => toAuthUser(await insertUser(testDb.db)),
    disableUser: async (id) => {
      await testDb.db.user.update({ where: { id }, data: { disabled: true } });
    },
    credentialCookie,
    reset: () => testDb.reset(),
    close: () => testDb.close(),
  };
}

strategyContract({
  name: "SessionStrategy + PrismaSessionStore (SQLite)",
  mode: "session",
  setup: () =>
    dbHarness(
      (testDb) => {
        const store: SessionStore = new PrismaSessionStore(testDb.db);
        return new SessionStrategy({ stores: singleSessionStore(store), users: new UserStore(testDb.db), sealPasswords: { "1": SEAL_PASSWORD }, cookieName: SESSION_COOKIE, maxSessionsPerLab: 1_000 });
      },
      SESSION_COOKIE,
    ),
});

strategyContract({
  name: "JwtStrategy + RefreshTokenService + PrismaDenylistStore (SQLite)",
  mode: "jwt",
  setup: () =>
    dbHarness(
      (testDb) => {
        const keys = hmacKeySet({ k1: JWT_SECRET }, "k1");
        return new JwtStrategy({
          keys: () => keys,
          refresh: refreshService(testDb.db),
          denylist: new PrismaDenylistStore(testDb.db),
          users: new UserStore(testDb.db),
          issuer: "authlab-contract",
          audience: "authlab-contract-api",
          cookieNames: { access: ACCESS_COOKIE, refresh: REFRESH_COOKIE },
        });
      },
      ACCESS_COOKIE,
    ),
});
