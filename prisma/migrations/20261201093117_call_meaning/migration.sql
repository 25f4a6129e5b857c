-- DropIndex
DROP INDEX "Call_organizationId_createdAt_idx";

-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "callSuccessful" TEXT,
ADD COLUMN     "callerName" TEXT,
ADD COLUMN     "dynamicVariables" JSONB,
ADD COLUMN     "reportedOutcome" TEXT,
ADD COLUMN     "searchText" TEXT,
ADD COLUMN     "summaryTitle" TEXT,
ADD COLUMN     "terminationReason" TEXT;

-- CreateIndex
CREATE INDEX "Call_organizationId_createdAt_id_idx" ON "Call"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Call_searchText_trgm_idx" ON "Call" USING GIN ("searchText" gin_trgm_ops);

-- Backfill: calls recorded before this migration kept the agent's word in "outcome".
-- Keep that word as reported and store what it means, the same mapping lib/calls/meaning applies.
UPDATE "Call" SET "reportedOutcome" = "outcome",
  "intent" = CASE WHEN lower("outcome") = 'appointment_booked' THEN coalesce("intent", 'scheduling') ELSE "intent" END,
  "outcome" = CASE lower(replace("outcome", '-', '_'))
    WHEN 'appointment_booked' THEN 'resolved'
    WHEN 'callback_scheduled' THEN 'callback'
    ELSE lower(replace("outcome", '-', '_')) END
 WHERE "outcome" IS NOT NULL AND "status" = 'COMPLETED';

UPDATE "Call" SET "searchText" = concat_ws(' ', "summary",
  (SELECT string_agg(t->>'message', ' ') FROM jsonb_array_elements(CASE WHEN jsonb_typeof("transcript") = 'array' THEN "transcript" ELSE '[]'::jsonb END) t))
 WHERE "transcript" IS NOT NULL OR "summary" IS NOT NULL;
