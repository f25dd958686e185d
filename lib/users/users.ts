import "server-only";
import type { AuthUser, Role } from "../auth/types";
import type { Db } from "../db/client";
import type { HotReads } from "../db/hot-reads";
import { storeOp } from "../stores/store-errors";

export interface UserRow {
  id: string;
  email: string;
  passwordHash: string;
  role: string;
  disabled: boolean;
  createdAt: Date;
}

export function asRole(value: string): Role {
  return value === "admin" ? "admin" : "user";
}

export function toAuthUser(row: Pick<UserRow, "id" | "email" | "role">): AuthUser {
  return { id: row.id, email: row.email, role: asRole(row.role) };
}

/** Public shape of a user in API responses: never the hash. */
export function publicUser(row: UserRow): AuthUser & { disabled: boolean; createdAt: string } {
  return { ...toAuthUser(row), disabled: row.disabled, createdAt: row.createdAt.toISOString() };
}

/** Users always live in the database; every read is counted on the trace like any store query. */
export class UserRepository {
  /**
   * `reads`: the hot path's prepared statement (lib/db/hot-reads.ts) for `findById`, which every
   * session request makes; without it, Prisma.
   */
  constructor(
    private readonly db: Db,
    private readonly reads?: Pick<HotReads, "userById">,
  ) {}

  findById(id: string): Promise<UserRow | null> {
    const reads = this.reads;
    return storeOp("database", () => (reads ? reads.userById(id) : this.db.user.findUnique({ where: { id } })));
  }

  findByEmail(email: string): Promise<UserRow | null> {
    return storeOp("database", () => this.db.user.findUnique({ where: { email } }));
  }

  create(data: { email: string; passwordHash: string; role?: Role }): Promise<UserRow> {
    return storeOp("database", () => this.db.user.create({ data }));
  }

  update(id: string, data: { role?: Role; disabled?: boolean; passwordHash?: string }): Promise<UserRow | null> {
    return storeOp("database", async () => {
      const { count } = await this.db.user.updateMany({ where: { id }, data });
      return count === 0 ? null : this.db.user.findUnique({ where: { id } });
    });
  }

  list(): Promise<UserRow[]> {
    return storeOp("database", () => this.db.user.findMany({ orderBy: { createdAt: "asc" } }));
  }
}
