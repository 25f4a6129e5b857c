-- CreateEnum
CREATE TYPE "ScheduledCallKind" AS ENUM ('CALL', 'CALLBACK', 'CHECK_IN');

-- CreateEnum
CREATE TYPE "CallbackOrigin" AS ENUM ('STAFF', 'AGENT', 'AFTER_CALL');

-- CreateEnum
CREATE TYPE "CheckInRepeat" AS ENUM ('ONCE', 'WEEKLY', 'AFTER_APPOINTMENT');

-- CreateEnum
CREATE TYPE "AttentionKind" AS ENUM ('ESCALATED', 'FAILED', 'CALLBACK_NOT_SCHEDULED');

-- AlterEnum
ALTER TYPE "ActivityType" ADD VALUE 'CHECK_INS_SCHEDULED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'CALLBACK_CONFIRMED';
ALTER TYPE "AuditAction" ADD VALUE 'ATTENTION_DONE';

-- AlterTable
ALTER TABLE "ScheduledCall" ADD COLUMN     "awaitsConfirmation" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "callbackOrigin" "CallbackOrigin",
ADD COLUMN     "checkInId" TEXT,
ADD COLUMN     "checkInOccurrence" INTEGER,
ADD COLUMN     "confirmedAt" TIMESTAMPTZ(3),
ADD COLUMN     "confirmedByUserId" TEXT,
ADD COLUMN     "kind" "ScheduledCallKind" NOT NULL DEFAULT 'CALL',
ADD COLUMN     "note" TEXT,
ADD COLUMN     "sourceCallId" TEXT;

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "repeat" "CheckInRepeat" NOT NULL,
    "minuteOfDay" INTEGER NOT NULL,
    "weekday" INTEGER,
    "occurrences" INTEGER NOT NULL,
    "appointmentId" TEXT,
    "daysAfter" INTEGER,
    "note" TEXT,
    "description" TEXT NOT NULL,
    "createdByUserId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttentionDone" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "kind" "AttentionKind" NOT NULL,
    "callId" TEXT,
    "scheduledCallId" TEXT,
    "doneByUserId" TEXT,
    "doneByEmail" TEXT,
    "doneAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttentionDone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CheckIn_organizationId_createdAt_idx" ON "CheckIn"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "CheckIn_contactId_idx" ON "CheckIn"("contactId");

-- CreateIndex
CREATE INDEX "AttentionDone_organizationId_doneAt_idx" ON "AttentionDone"("organizationId", "doneAt");

-- CreateIndex
CREATE UNIQUE INDEX "AttentionDone_organizationId_itemKey_key" ON "AttentionDone"("organizationId", "itemKey");

-- CreateIndex
CREATE INDEX "ScheduledCall_organizationId_kind_status_scheduledTime_id_idx" ON "ScheduledCall"("organizationId", "kind", "status", "scheduledTime", "id");

-- CreateIndex
CREATE INDEX "ScheduledCall_sourceCallId_idx" ON "ScheduledCall"("sourceCallId");

-- CreateIndex
CREATE INDEX "ScheduledCall_checkInId_idx" ON "ScheduledCall"("checkInId");

-- AddForeignKey
ALTER TABLE "ScheduledCall" ADD CONSTRAINT "ScheduledCall_sourceCallId_fkey" FOREIGN KEY ("sourceCallId") REFERENCES "Call"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledCall" ADD CONSTRAINT "ScheduledCall_checkInId_fkey" FOREIGN KEY ("checkInId") REFERENCES "CheckIn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttentionDone" ADD CONSTRAINT "AttentionDone_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
