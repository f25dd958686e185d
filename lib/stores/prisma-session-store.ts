import "server-only";
import type { Db } from "../db/client";
import type { HotReads } from "../db/hot-reads";
import { storeOp } from "./store-errors";
import type { SessionRecord, SessionStore, SessionWithUser } from "./types";

/** Sessions in the app's database (SQLite by default, PostgreSQL when DATABASE_URL says so), keyed by lab. */
export class PrismaSessionStore implements SessionStore {
  readonly kind = "database" as const;
  /**
   * `reads`: the hot path's prepared statements on the driver (lib/db/hot-reads.ts): the session
   * and its user in one query, which every session request makes; everything else goes through Prisma.
   */
  constructor(
    private readonly db: Db,
    private readonly reads?: Pick<HotReads, "sessionById" | "sessionWithUser">,
  ) {}

  create(record: SessionRecord): Promise<void> {
    return storeOp("database", async () => {
      await this.db.session.create({ data: record });
    });
  }

  get(labId: string, id: string): Promise<SessionRecord | null> {
    const reads = this.reads;
    return storeOp("database", () => (reads ? reads.sessionById(labId, id) : this.db.session.findFirst({ where: { id, labId } })));
  }

  getWithUser(labId: string, id: string): Promise<SessionWithUser | null> {
    const reads = this.reads;
    return storeOp("database", async () => {
      if (reads) return reads.sessionWithUser(labId, id);
      const found = await this.db.session.findFirst({ where: { id, labId }, include: { user: true } });
      if (!found) return null;
      const { user, ...session } = found;
      return { session, user };
    });
  }

  touch(labId: string, id: string, lastSeenAt: Date, idleExpiresAt: Date): Promise<void> {
    return storeOp("database", async () => {
      // updateMany: a session deleted by a concurrent logout must stay deleted, not throw.
      await this.db.session.updateMany({ where: { id, labId }, data: { lastSeenAt, idleExpiresAt } });
    });
  }

  delete(labId: string, id: string): Promise<void> {
    return storeOp("database", async () => {
      await this.db.session.deleteMany({ where: { id, labId } });
    });
  }

  deleteByUser(labId: string, userId: string, exceptId?: string): Promise<number> {
    return storeOp("database", async () => {
      const where = exceptId ? { labId, userId, NOT: { id: exceptId } } : { labId, userId };
      return (await this.db.session.deleteMany({ where })).count;
    });
  }

  listByUser(labId: string, userId: string): Promise<SessionRecord[]> {
    return storeOp("database", () => this.db.session.findMany({ where: { labId, userId }, orderBy: { createdAt: "desc" } }));
  }

  listAll(labId: string, limit: number): Promise<SessionRecord[]> {
    return storeOp("database", () => this.db.session.findMany({ where: { labId }, orderBy: { createdAt: "desc" }, take: limit }));
  }

  trimLab(labId: string, keep: number): Promise<number> {
    return storeOp("database", async () => {
      const stale = await this.db.session.findMany({ where: { labId }, orderBy: { createdAt: "desc" }, skip: keep, select: { id: true } });
      if (stale.length === 0) return 0;
      return (await this.db.session.deleteMany({ where: { labId, id: { in: stale.map((s) => s.id) } } })).count;
    });
  }

  deleteLab(labId: string): Promise<void> {
    return storeOp("database", async () => {
      await this.db.session.deleteMany({ where: { labId } });
    });
  }
}
