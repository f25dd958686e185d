import "server-only";
import type { Db } from "../db/client";
import { verdictFor } from "./denylist-verdict";
import { storeOp } from "./store-errors";
import type { DenylistEntryRecord, DenylistStore } from "./types";

/** The denylist in the app's database, keyed by (lab, key). */
export class PrismaDenylistStore implements DenylistStore {
  readonly kind = "database" as const;
  constructor(private readonly db: Db) {}

  add(labId: string, entry: DenylistEntryRecord): Promise<void> {
    return storeOp("database", async () => {
      await this.db.denylistEntry.upsert({
        where: { labId_key: { labId, key: entry.key } },
        create: { labId, ...entry },
        update: { expiresAt: entry.expiresAt, notBefore: entry.notBefore },
      });
    });
  }

  check(labId: string, jti: string, sub: string, issuedAtMs: number, nowMs: number): Promise<"jti" | "sub" | null> {
    return storeOp("database", async () => {
      const rows = await this.db.denylistEntry.findMany({
        where: { labId, key: { in: [`jti:${jti}`, `sub:${sub}`] }, expiresAt: { gt: new Date(nowMs) } },
      });
      return verdictFor(rows, issuedAtMs);
    });
  }

  list(labId: string, nowMs: number): Promise<DenylistEntryRecord[]> {
    return storeOp("database", () =>
      this.db.denylistEntry.findMany({ where: { labId, expiresAt: { gt: new Date(nowMs) } }, orderBy: { createdAt: "desc" }, take: 200, select: { key: true, expiresAt: true, notBefore: true } }),
    );
  }

  clear(labId: string): Promise<void> {
    return storeOp("database", async () => {
      await this.db.denylistEntry.deleteMany({ where: { labId } });
    });
  }
}
