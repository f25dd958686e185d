import "server-only";
import type { Role } from "../auth/types";
import type { Db } from "../db/client";
import type { HotReads } from "../db/hot-reads";
import type { UserRow } from "../users/users";
import { storeOp } from "./store-errors";

/**
 * Users, in the app's database, each in one lab: every query names the lab, so an account of lab A
 * can never be found, listed, changed or logged in to from lab B. Every read is counted on the
 * trace like any store query.
 */
export class UserStore {
  /** `reads`: the hot path's prepared statement (lib/db/hot-reads.ts) for `findById`; without it, Prisma. */
  constructor(
    private readonly db: Db,
    private readonly reads?: Pick<HotReads, "userById">,
  ) {}

  findById(labId: string, id: string): Promise<UserRow | null> {
    const reads = this.reads;
    return storeOp("database", () => (reads ? reads.userById(labId, id) : this.db.user.findFirst({ where: { id, labId } })));
  }

  findByEmail(labId: string, email: string): Promise<UserRow | null> {
    return storeOp("database", () => this.db.user.findUnique({ where: { labId_email: { labId, email } } }));
  }

  create(data: { labId: string; email: string; passwordHash: string; role?: Role }): Promise<UserRow> {
    return storeOp("database", () => this.db.user.create({ data }));
  }

  update(labId: string, id: string, data: { role?: Role; disabled?: boolean; passwordHash?: string }): Promise<UserRow | null> {
    return storeOp("database", async () => {
      const { count } = await this.db.user.updateMany({ where: { id, labId }, data });
      return count === 0 ? null : this.db.user.findFirst({ where: { id, labId } });
    });
  }

  list(labId: string): Promise<UserRow[]> {
    return storeOp("database", () => this.db.user.findMany({ where: { labId }, orderBy: { createdAt: "asc" } }));
  }

  count(labId: string): Promise<number> {
    return storeOp("database", () => this.db.user.count({ where: { labId } }));
  }

  /** Emails by id for the lab's server-state view. */
  emails(labId: string): Promise<Map<string, string>> {
    return storeOp("database", async () => new Map((await this.db.user.findMany({ where: { labId }, select: { id: true, email: true } })).map((u) => [u.id, u.email])));
  }
}
