-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ActivityType" ADD VALUE 'CALLS_SCHEDULED';
ALTER TYPE "ActivityType" ADD VALUE 'CALL_RETRY_SCHEDULED';
ALTER TYPE "ActivityType" ADD VALUE 'SCHEDULED_CALL_FAILED';

-- DropIndex
DROP INDEX "ScheduledCall_batchId_idx";

-- DropIndex
DROP INDEX "ScheduledCall_organizationId_scheduledTime_idx";

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "retryVoicemail" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "staleCallMinutes" INTEGER NOT NULL DEFAULT 20;

-- AlterTable
ALTER TABLE "ScheduledCall" ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3),
ADD COLUMN     "createdByUserId" TEXT,
ADD COLUMN     "dialStartedAt" TIMESTAMPTZ(3),
ADD COLUMN     "lockedBy" TEXT,
ADD COLUMN     "requestedTime" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "CallBatch" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdByUserId" TEXT,
    "idempotencyKey" TEXT,
    "requestHash" TEXT,
    "agentId" TEXT NOT NULL,
    "fromNumber" TEXT NOT NULL,
    "staggerMinutes" INTEGER NOT NULL,
    "scheduledCount" INTEGER NOT NULL,
    "skippedCount" INTEGER NOT NULL,
    "movedCount" INTEGER NOT NULL,
    "firstCallAt" TIMESTAMPTZ(3),
    "lastCallAt" TIMESTAMPTZ(3),
    "skipped" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CallBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DispatcherHeartbeat" (
    "id" TEXT NOT NULL,
    "lastStartedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastFinishedAt" TIMESTAMPTZ(3),
    "lastSummary" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DispatcherHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CallBatch_organizationId_createdAt_id_idx" ON "CallBatch"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CallBatch_organizationId_idempotencyKey_key" ON "CallBatch"("organizationId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Call_organizationId_status_idx" ON "Call"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Call_status_createdAt_idx" ON "Call"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ScheduledCall_organizationId_status_scheduledTime_id_idx" ON "ScheduledCall"("organizationId", "status", "scheduledTime", "id");

-- CreateIndex
CREATE INDEX "ScheduledCall_organizationId_scheduledTime_id_idx" ON "ScheduledCall"("organizationId", "scheduledTime", "id");

-- CreateIndex
CREATE INDEX "ScheduledCall_status_scheduledTime_idx" ON "ScheduledCall"("status", "scheduledTime");

-- CreateIndex
CREATE INDEX "ScheduledCall_status_lockedUntil_idx" ON "ScheduledCall"("status", "lockedUntil");

-- CreateIndex
CREATE INDEX "ScheduledCall_batchId_status_idx" ON "ScheduledCall"("batchId", "status");

-- AddForeignKey
ALTER TABLE "ScheduledCall" ADD CONSTRAINT "ScheduledCall_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "CallBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallBatch" ADD CONSTRAINT "CallBatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
