import "server-only";
import type { Db } from "../db/client";
import { storeOp } from "./store-errors";

export interface ChallengeSolveRecord {
  challengeId: string;
  solvedAt: Date;
}

/**
 * Which challenges a lab has solved, in the app's database. Only the check route writes here, after
 * the server's own look at the lab passed; deleting or resetting the lab deletes the rows.
 */
export class ChallengeStore {
  constructor(private readonly db: Db) {}

  list(labId: string): Promise<ChallengeSolveRecord[]> {
    return storeOp("database", () =>
      this.db.challengeSolve.findMany({ where: { labId }, orderBy: { solvedAt: "asc" }, select: { challengeId: true, solvedAt: true } }),
    );
  }

  /** Marks a challenge solved; solving it again keeps the first time. Returns when it was first solved. */
  solve(labId: string, challengeId: string, at: Date): Promise<Date> {
    return storeOp("database", async () => {
      const row = await this.db.challengeSolve.upsert({ where: { labId_challengeId: { labId, challengeId } }, create: { labId, challengeId, solvedAt: at }, update: {} });
      return row.solvedAt;
    });
  }
}
