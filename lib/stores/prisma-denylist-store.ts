import "server-only";
import type { Db } from "../db/client";
import { verdictFor } from "./denylist-verdict";
import { storeOp } from "./store-errors";
import type { DenylistEntryRecord, DenylistStore } from "./types";

export class PrismaDenylistStore implements DenylistStore {
  readonly kind = "database" as const;
  constructor(private readonly db: Db) {}

  add(entry: DenylistEntryRecord): Promise<void> {
    return storeOp("database", async () => {
      await this.db.denylistEntry.upsert({
        where: { key: entry.key },
        create: entry,
        update: { expiresAt: entry.expiresAt, notBefore: entry.notBefore },
      });
    });
  }

  check(jti: string, sub: string, issuedAtMs: number, nowMs: number): Promise<"jti" | "sub" | null> {
    return storeOp("database", async () => {
      const rows = await this.db.denylistEntry.findMany({
        where: { key: { in: [`jti:${jti}`, `sub:${sub}`] }, expiresAt: { gt: new Date(nowMs) } },
      });
      return verdictFor(rows, issuedAtMs);
    });
  }

  list(nowMs: number): Promise<DenylistEntryRecord[]> {
    return storeOp("database", () =>
      this.db.denylistEntry.findMany({ where: { expiresAt: { gt: new Date(nowMs) } }, orderBy: { createdAt: "desc" }, take: 200 }),
    );
  }

  clear(): Promise<void> {
    return storeOp("database", async () => {
      await this.db.denylistEntry.deleteMany({});
    });
  }
}
