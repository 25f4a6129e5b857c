-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'BATCH_PAUSED';
ALTER TYPE "AuditAction" ADD VALUE 'BATCH_RESUMED';
ALTER TYPE "AuditAction" ADD VALUE 'BATCH_RETRIED';

-- AlterEnum
ALTER TYPE "ScheduledCallStatus" ADD VALUE 'PAUSED';

-- AlterTable
ALTER TABLE "CallBatch" ADD COLUMN     "pausedAt" TIMESTAMPTZ(3),
ADD COLUMN     "retryOfBatchId" TEXT,
ADD COLUMN     "scriptFirstMessage" TEXT,
ADD COLUMN     "scriptPrompt" TEXT,
ADD COLUMN     "scriptVariables" JSONB NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE UNIQUE INDEX "CallBatch_retryOfBatchId_key" ON "CallBatch"("retryOfBatchId");

-- AddForeignKey
ALTER TABLE "CallBatch" ADD CONSTRAINT "CallBatch_retryOfBatchId_fkey" FOREIGN KEY ("retryOfBatchId") REFERENCES "CallBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;
