-- AlterTable
ALTER TABLE "RefreshToken" ADD COLUMN "successorSeal" TEXT;
