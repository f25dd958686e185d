import "server-only";
import type { Db } from "../db/client";
import { DEFAULT_LAB_ID } from "../labs/lab-id";
import { storeOp } from "./store-errors";

export interface LabRecord {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** The lab's settings as stored (JSON); lib/settings parses them. */
  settings: string;
}

export type LabCounter = "labs.created" | "labs.deleted" | "labs.expired" | "labs.refused";
export const LAB_COUNTERS: readonly LabCounter[] = ["labs.created", "labs.deleted", "labs.expired", "labs.refused"];

/** Labs and the operator's counters, in the app's database. Deleting a lab cascades to everything in it. */
export class LabStore {
  constructor(private readonly db: Db) {}

  get(id: string): Promise<LabRecord | null> {
    return storeOp("database", () => this.db.lab.findUnique({ where: { id } }));
  }

  /**
   * Creates a lab with its first users (the demo accounts) in one transaction, and counts it.
   * `maxLive` is checked inside the same transaction, so that parallel creations cannot pass it.
   */
  create(lab: LabRecord, users: { email: string; role: string; passwordHash: string }[], maxLive: number): Promise<"created" | "full"> {
    return storeOp("database", () =>
      this.db.$transaction(async (tx) => {
        const live = await tx.lab.count({ where: { NOT: { id: DEFAULT_LAB_ID } } });
        if (live >= maxLive) return "full" as const;
        await tx.lab.create({ data: lab });
        if (users.length > 0) await tx.user.createMany({ data: users.map((u) => ({ ...u, labId: lab.id })) });
        await tx.counter.upsert({ where: { key: "labs.created" }, create: { key: "labs.created", value: 1 }, update: { value: { increment: 1 } } });
        return "created" as const;
      }),
    );
  }

  /** Creates the default lab when it is missing (a database migrated before it existed is migrated with it). */
  ensureDefault(now: Date): Promise<void> {
    return storeOp("database", async () => {
      await this.db.lab.upsert({ where: { id: DEFAULT_LAB_ID }, create: { id: DEFAULT_LAB_ID, createdAt: now, lastSeenAt: now, expiresAt: new Date("9999-12-31T00:00:00Z"), settings: "{}" }, update: {} });
    });
  }

  countLive(): Promise<number> {
    return storeOp("database", () => this.db.lab.count({ where: { NOT: { id: DEFAULT_LAB_ID } } }));
  }

  /** Moves a lab's idle deadline (never the default lab's: it does not expire). */
  touch(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    return storeOp("database", async () => {
      await this.db.lab.updateMany({ where: { id, NOT: { id: DEFAULT_LAB_ID } }, data: { lastSeenAt, expiresAt } });
    });
  }

  saveSettings(id: string, settings: string): Promise<boolean> {
    return storeOp("database", async () => (await this.db.lab.updateMany({ where: { id }, data: { settings } })).count === 1);
  }

  /** Deletes a lab and (by cascade) its users, sessions, refresh families, denylist and events. */
  delete(id: string, counter: "labs.deleted" | "labs.expired"): Promise<boolean> {
    return storeOp("database", () =>
      this.db.$transaction(async (tx) => {
        const { count } = await tx.lab.deleteMany({ where: { id, NOT: { id: DEFAULT_LAB_ID } } });
        if (count > 0) await tx.counter.upsert({ where: { key: counter }, create: { key: counter, value: count }, update: { value: { increment: count } } });
        return count > 0;
      }),
    );
  }

  /** Empties a lab of everything but itself (the demo reset): users, sessions, families, denylist, events, solved challenges. */
  emptyLab(id: string): Promise<void> {
    return storeOp("database", async () => {
      await this.db.$transaction([
        this.db.authEvent.deleteMany({ where: { labId: id } }),
        this.db.challengeSolve.deleteMany({ where: { labId: id } }),
        this.db.denylistEntry.deleteMany({ where: { labId: id } }),
        this.db.refreshFamily.deleteMany({ where: { labId: id } }),
        this.db.session.deleteMany({ where: { labId: id } }),
        this.db.user.deleteMany({ where: { labId: id } }),
      ]);
    });
  }

  /** Ids of labs whose idle deadline has passed (at most `limit`, oldest first). */
  expired(now: Date, limit: number): Promise<string[]> {
    return storeOp("database", async () =>
      (await this.db.lab.findMany({ where: { expiresAt: { lte: now }, NOT: { id: DEFAULT_LAB_ID } }, orderBy: { expiresAt: "asc" }, take: limit, select: { id: true } })).map((l) => l.id),
    );
  }

  count(counter: LabCounter, by = 1): Promise<void> {
    return storeOp("database", async () => {
      await this.db.counter.upsert({ where: { key: counter }, create: { key: counter, value: by }, update: { value: { increment: by } } });
    });
  }

  counters(): Promise<Record<LabCounter, number>> {
    return storeOp("database", async () => {
      const rows = await this.db.counter.findMany({ where: { key: { in: [...LAB_COUNTERS] } } });
      const out = Object.fromEntries(LAB_COUNTERS.map((k) => [k, 0])) as Record<LabCounter, number>;
      for (const row of rows) out[row.key as LabCounter] = row.value;
      return out;
    });
  }
}
