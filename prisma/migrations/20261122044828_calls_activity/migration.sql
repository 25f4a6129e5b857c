-- CreateEnum
CREATE TYPE "ActivityType" AS ENUM ('CALL_PLACED', 'CALL_FAILED', 'CALL_COMPLETED', 'CALL_NOT_CONNECTED');

-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "agentId" TEXT,
ADD COLUMN     "agentPhoneNumberId" TEXT,
ADD COLUMN     "placedByUserId" TEXT;

-- CreateTable
CREATE TABLE "ActivityEvent" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "type" "ActivityType" NOT NULL,
    "message" TEXT NOT NULL,
    "actorUserId" TEXT,
    "contactId" TEXT,
    "callId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActivityEvent_organizationId_createdAt_idx" ON "ActivityEvent"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "ActivityEvent" ADD CONSTRAINT "ActivityEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
