import "server-only";
import type { Db } from "../db/client";
import { storeOp } from "./store-errors";

/** Server-wide settings (the operator's: which session store), JSON per key, in the database. */
export class ServerSettingsStore {
  constructor(private readonly db: Db) {}

  readAll(): Promise<Record<string, unknown>> {
    return storeOp("database", async () => {
      const out: Record<string, unknown> = {};
      for (const row of await this.db.setting.findMany()) {
        try {
          out[row.key] = JSON.parse(row.value);
        } catch {
          // A corrupt row falls back to the default rather than breaking every request.
        }
      }
      return out;
    });
  }

  write(patch: Record<string, unknown>): Promise<void> {
    const db = this.db;
    return storeOp("database", async () => {
      await db.$transaction(Object.entries(patch).map(([key, value]) => db.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(value) }, update: { value: JSON.stringify(value) } })));
    });
  }
}
