import "server-only";
import type { Db } from "../db/client";
import { ApiError } from "../errors";
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
      const where = { labId_challengeId: { labId, challengeId } };
      try {
        return (await this.db.challengeSolve.upsert({ where, create: { labId, challengeId, solvedAt: at }, update: {} })).solvedAt;
      } catch (error) {
        // Two checks at once (a double click): the other one's insert won — the first solve stands.
        if (prismaCode(error) === "P2002") {
          const row = await this.db.challengeSolve.findUnique({ where });
          if (row) return row.solvedAt;
        }
        // The lab was deleted between the check and this write.
        if (prismaCode(error) === "P2003") throw new ApiError("LAB_GONE");
        throw error;
      }
    });
  }
}

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
