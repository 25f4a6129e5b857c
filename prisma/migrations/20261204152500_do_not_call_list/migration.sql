-- CreateEnum
CREATE TYPE "DoNotCallSource" AS ENUM ('STAFF', 'IMPORT', 'AGENT_OPT_OUT', 'CALL_ANALYSIS');

-- CreateEnum
CREATE TYPE "ConsentBasis" AS ENUM ('CARE_REMINDERS', 'MARKETING', 'NONE');

-- AlterEnum
ALTER TYPE "ActivityType" ADD VALUE 'PATIENT_OPTED_OUT';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'DO_NOT_CALL_ADDED';
ALTER TYPE "AuditAction" ADD VALUE 'DO_NOT_CALL_REMOVED';
ALTER TYPE "AuditAction" ADD VALUE 'DO_NOT_CALL_IMPORTED';
ALTER TYPE "AuditAction" ADD VALUE 'PATIENT_OPTED_OUT';

-- CreateTable
CREATE TABLE "DoNotCallEntry" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "phoneNumber" TEXT NOT NULL,
    "reason" TEXT,
    "source" "DoNotCallSource" NOT NULL,
    "addedByUserId" TEXT,
    "addedByEmail" TEXT,
    "callId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DoNotCallEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DoNotCallEntry_organizationId_createdAt_id_idx" ON "DoNotCallEntry"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "DoNotCallEntry_organizationId_source_createdAt_idx" ON "DoNotCallEntry"("organizationId", "source", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DoNotCallEntry_organizationId_phoneNumber_key" ON "DoNotCallEntry"("organizationId", "phoneNumber");

-- AddForeignKey
ALTER TABLE "DoNotCallEntry" ADD CONSTRAINT "DoNotCallEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Carry the contacts marked do-not-call over to the list (the one source of truth from now on)
INSERT INTO "DoNotCallEntry" ("id", "organizationId", "phoneNumber", "reason", "source", "createdAt")
SELECT 'dnc' || c."id", c."organizationId", c."phoneNumber", c."doNotCallReason", 'STAFF', c."updatedAt"
  FROM "Contact" c WHERE c."doNotCall"
ON CONFLICT ("organizationId", "phoneNumber") DO NOTHING;

-- AlterTable
ALTER TABLE "Contact" DROP COLUMN "doNotCall",
DROP COLUMN "doNotCallReason",
ADD COLUMN     "consentDate" DATE,
ADD COLUMN     "consentBasis" "ConsentBasis",
ADD COLUMN     "consentSource" TEXT;

