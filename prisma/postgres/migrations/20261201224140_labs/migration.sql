-- Labs: every user, credential, event and lab setting now belongs to a lab. Everything that
-- existed before moves into the server's default lab ("default", never expires), and the old
-- server-wide runtime settings become that lab's settings (the session store stays server-wide).

-- CreateTable
CREATE TABLE "Lab" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "settings" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "Lab_pkey" PRIMARY KEY ("id")
);

INSERT INTO "Lab" ("id", "createdAt", "lastSeenAt", "expiresAt", "settings")
VALUES ('default', (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC'), TIMESTAMP '9999-12-31 00:00:00',
  COALESCE((SELECT jsonb_object_agg("key", "value"::jsonb)::text FROM "Setting" WHERE "key" <> 'sessionStore'), '{}'));
DELETE FROM "Setting" WHERE "key" <> 'sessionStore';

-- CreateTable
CREATE TABLE "Counter" (
    "key" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("key")
);

-- DropIndex
DROP INDEX "AuthEvent_userId_at_idx";

-- DropIndex
DROP INDEX "User_email_key";

-- AlterTable: existing rows join the default lab, new rows must name theirs.
ALTER TABLE "AuthEvent" ADD COLUMN "labId" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "AuthEvent" ALTER COLUMN "labId" DROP DEFAULT;

ALTER TABLE "DenylistEntry" DROP CONSTRAINT "DenylistEntry_pkey",
ADD COLUMN "labId" TEXT NOT NULL DEFAULT 'default',
ADD CONSTRAINT "DenylistEntry_pkey" PRIMARY KEY ("labId", "key");
ALTER TABLE "DenylistEntry" ALTER COLUMN "labId" DROP DEFAULT;

ALTER TABLE "RefreshFamily" ADD COLUMN "labId" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "RefreshFamily" ALTER COLUMN "labId" DROP DEFAULT;

ALTER TABLE "Session" ADD COLUMN "labId" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "Session" ALTER COLUMN "labId" DROP DEFAULT;

ALTER TABLE "User" ADD COLUMN "labId" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "User" ALTER COLUMN "labId" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "Lab_expiresAt_idx" ON "Lab"("expiresAt");

-- CreateIndex
CREATE INDEX "AuthEvent_labId_at_idx" ON "AuthEvent"("labId", "at");

-- CreateIndex
CREATE INDEX "RefreshFamily_labId_createdAt_idx" ON "RefreshFamily"("labId", "createdAt");

-- CreateIndex
CREATE INDEX "Session_labId_createdAt_idx" ON "Session"("labId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_labId_email_key" ON "User"("labId", "email");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefreshFamily" ADD CONSTRAINT "RefreshFamily_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DenylistEntry" ADD CONSTRAINT "DenylistEntry_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthEvent" ADD CONSTRAINT "AuthEvent_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;
