-- Challenges: which of the /challenges a lab has solved, decided by the server's own checks.

-- CreateTable
CREATE TABLE "ChallengeSolve" (
    "labId" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "solvedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChallengeSolve_pkey" PRIMARY KEY ("labId","challengeId")
);

-- AddForeignKey
ALTER TABLE "ChallengeSolve" ADD CONSTRAINT "ChallengeSolve_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;
