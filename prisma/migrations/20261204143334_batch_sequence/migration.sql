-- CreateEnum
CREATE TYPE "BatchMode" AS ENUM ('STAGGERED', 'SEQUENCE');

-- CreateEnum
CREATE TYPE "SequenceStatus" AS ENUM ('RUNNING', 'FILLED', 'EXHAUSTED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "ScheduledCallStatus" ADD VALUE 'WAITING';

-- AlterTable
ALTER TABLE "CallBatch" ADD COLUMN     "filledByScheduledCallId" TEXT,
ADD COLUMN     "mode" "BatchMode" NOT NULL DEFAULT 'STAGGERED',
ADD COLUMN     "sequencePosition" INTEGER,
ADD COLUMN     "sequenceStatus" "SequenceStatus",
ADD COLUMN     "sequenceStoppedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "ScheduledCall" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "sequenceIndex" INTEGER;

-- CreateIndex
CREATE INDEX "Appointment_conversationId_idx" ON "Appointment"("conversationId");

-- CreateIndex
CREATE INDEX "CallBatch_sequenceStatus_idx" ON "CallBatch"("sequenceStatus");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledCall_batchId_sequenceIndex_key" ON "ScheduledCall"("batchId", "sequenceIndex");
