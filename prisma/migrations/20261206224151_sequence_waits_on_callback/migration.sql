-- AlterTable
ALTER TABLE "CallBatch" ADD COLUMN     "heldByScheduledCallId" TEXT;

-- AlterTable
ALTER TABLE "ScheduledCall" ADD COLUMN     "sequenceBatchId" TEXT;
