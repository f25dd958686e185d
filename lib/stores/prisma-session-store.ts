import "server-only";
import type { Db } from "../db/client";
import type { HotReads } from "../db/hot-reads";
import { storeOp } from "./store-errors";
import type { SessionRecord, SessionStore } from "./types";

/** Sessions in the app's database (SQLite by default, PostgreSQL when DATABASE_URL says so). */
export class PrismaSessionStore implements SessionStore {
  readonly kind = "database" as const;
  /**
   * `reads`: `get`, which every session request makes, as a prepared statement on the driver
   * (lib/db/hot-reads.ts) instead of a Prisma query; everything else goes through Prisma.
   */
  constructor(
    private readonly db: Db,
    private readonly reads?: Pick<HotReads, "sessionById">,
  ) {}

  create(record: SessionRecord): Promise<void> {
    return storeOp("database", async () => {
      await this.db.session.create({ data: record });
    });
  }

  get(id: string): Promise<SessionRecord | null> {
    const reads = this.reads;
    return storeOp("database", () => (reads ? reads.sessionById(id) : this.db.session.findUnique({ where: { id } })));
  }

  touch(id: string, lastSeenAt: Date, idleExpiresAt: Date): Promise<void> {
    return storeOp("database", async () => {
      // updateMany: a session deleted by a concurrent logout must stay deleted, not throw.
      await this.db.session.updateMany({ where: { id }, data: { lastSeenAt, idleExpiresAt } });
    });
  }

  delete(id: string): Promise<void> {
    return storeOp("database", async () => {
      await this.db.session.deleteMany({ where: { id } });
    });
  }

  deleteByUser(userId: string, exceptId?: string): Promise<number> {
    return storeOp("database", async () => {
      const where = exceptId ? { userId, NOT: { id: exceptId } } : { userId };
      return (await this.db.session.deleteMany({ where })).count;
    });
  }

  listByUser(userId: string): Promise<SessionRecord[]> {
    return storeOp("database", () => this.db.session.findMany({ where: { userId }, orderBy: { createdAt: "desc" } }));
  }

  listAll(limit: number): Promise<SessionRecord[]> {
    return storeOp("database", () => this.db.session.findMany({ orderBy: { createdAt: "desc" }, take: limit }));
  }

  deleteAll(): Promise<void> {
    return storeOp("database", async () => {
      await this.db.session.deleteMany({});
    });
  }
}
