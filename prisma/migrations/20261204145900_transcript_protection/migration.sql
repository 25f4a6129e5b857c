-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "transcriptPurgedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "transcriptRetentionDays" INTEGER NOT NULL DEFAULT 365;

-- CreateIndex
CREATE INDEX "Call_organizationId_transcriptPurgedAt_createdAt_idx" ON "Call"("organizationId", "transcriptPurgedAt", "createdAt");

-- The history's search no longer holds the spoken turns (they are stored encrypted now): rebuild it
-- from summary, title, caller name and outcome, as lib/calls/meaning/describe-call.ts callSearchText does.
UPDATE "Call" SET "searchText" = nullif(concat_ws(E'\n', nullif("summary", ''), nullif("summaryTitle", ''), nullif("callerName", ''), nullif(replace("outcome", '_', ' '), '')), '')
 WHERE "searchText" IS NOT NULL OR "summary" IS NOT NULL OR "summaryTitle" IS NOT NULL OR "callerName" IS NOT NULL OR "outcome" IS NOT NULL;
