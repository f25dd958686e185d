-- Labs: every user, credential, event and lab setting now belongs to a lab. Everything that
-- existed before moves into the server's default lab ("default", never expires), and the old
-- server-wide runtime settings become that lab's settings (the session store stays server-wide).
-- CreateTable
CREATE TABLE "Lab" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "settings" TEXT NOT NULL DEFAULT '{}'
);

INSERT INTO "Lab" ("id", "createdAt", "lastSeenAt", "expiresAt", "settings")
VALUES ('default', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), '9999-12-31T00:00:00.000+00:00',
  COALESCE((SELECT json_group_object("key", json("value")) FROM "Setting" WHERE "key" <> 'sessionStore'), '{}'));
DELETE FROM "Setting" WHERE "key" <> 'sessionStore';

-- CreateTable
CREATE TABLE "Counter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL DEFAULT 0
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuthEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "labId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT,
    "familyId" TEXT,
    "detail" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "AuthEvent_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AuthEvent" ("labId", "at", "detail", "familyId", "id", "kind", "userId") SELECT 'default', "at", "detail", "familyId", "id", "kind", "userId" FROM "AuthEvent";
DROP TABLE "AuthEvent";
ALTER TABLE "new_AuthEvent" RENAME TO "AuthEvent";
CREATE INDEX "AuthEvent_labId_at_idx" ON "AuthEvent"("labId", "at");
CREATE TABLE "new_DenylistEntry" (
    "labId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "notBefore" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("labId", "key"),
    CONSTRAINT "DenylistEntry_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DenylistEntry" ("labId", "createdAt", "expiresAt", "key", "notBefore") SELECT 'default', "createdAt", "expiresAt", "key", "notBefore" FROM "DenylistEntry";
DROP TABLE "DenylistEntry";
ALTER TABLE "new_DenylistEntry" RENAME TO "DenylistEntry";
CREATE INDEX "DenylistEntry_expiresAt_idx" ON "DenylistEntry"("expiresAt");
CREATE TABLE "new_RefreshFamily" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "labId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "absoluteExpiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokeReason" TEXT,
    CONSTRAINT "RefreshFamily_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RefreshFamily_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RefreshFamily" ("labId", "absoluteExpiresAt", "createdAt", "id", "revokeReason", "revokedAt", "userId") SELECT 'default', "absoluteExpiresAt", "createdAt", "id", "revokeReason", "revokedAt", "userId" FROM "RefreshFamily";
DROP TABLE "RefreshFamily";
ALTER TABLE "new_RefreshFamily" RENAME TO "RefreshFamily";
CREATE INDEX "RefreshFamily_userId_idx" ON "RefreshFamily"("userId");
CREATE INDEX "RefreshFamily_labId_createdAt_idx" ON "RefreshFamily"("labId", "createdAt");
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "labId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "idleExpiresAt" DATETIME NOT NULL,
    "absoluteExpiresAt" DATETIME NOT NULL,
    "userAgent" TEXT,
    CONSTRAINT "Session_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("labId", "absoluteExpiresAt", "createdAt", "id", "idleExpiresAt", "lastSeenAt", "userAgent", "userId") SELECT 'default', "absoluteExpiresAt", "createdAt", "id", "idleExpiresAt", "lastSeenAt", "userAgent", "userId" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE INDEX "Session_labId_createdAt_idx" ON "Session"("labId", "createdAt");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "labId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'user',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_User" ("labId", "createdAt", "disabled", "email", "id", "passwordHash", "role", "updatedAt") SELECT 'default', "createdAt", "disabled", "email", "id", "passwordHash", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_labId_email_key" ON "User"("labId", "email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Lab_expiresAt_idx" ON "Lab"("expiresAt");
