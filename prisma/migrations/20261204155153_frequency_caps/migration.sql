-- CreateEnum
CREATE TYPE "FrequencyCapAction" AS ENUM ('DEFER', 'SKIP');

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'CALL_RULES_OVERRIDDEN';

-- AlterTable
ALTER TABLE "CallBatch" ADD COLUMN     "cappedCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "maxCallsPerDay" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "maxCallsPerWeek" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "overCapAction" "FrequencyCapAction" NOT NULL DEFAULT 'DEFER';
