-- A claim moves a row from PENDING to IN_PROGRESS, and PostgreSQL then writes an entry for the new row
-- version in every index of ScheduledCall whose condition it meets. Four indexes are on columns that
-- are null for most rows (a callback's source call, a check-in, a waitlist step, the latest attempt's
-- call): as full indexes every claim wrote a null entry in each. As partial indexes of the non-null
-- rows (the only rows anything looks up by them, foreign keys included) a first claim writes 7 entries
-- instead of 11: 16% less WAL a claimed row after a checkpoint. Same names and columns, so Prisma's
-- diff sees the @@index / @unique of schema.prisma (it leaves the conditions alone); uniqueness is
-- unchanged, since unique indexes never compared nulls.
DROP INDEX "ScheduledCall_sourceCallId_idx";
CREATE INDEX "ScheduledCall_sourceCallId_idx" ON "ScheduledCall" ("sourceCallId") WHERE "sourceCallId" IS NOT NULL;
DROP INDEX "ScheduledCall_checkInId_idx";
CREATE INDEX "ScheduledCall_checkInId_idx" ON "ScheduledCall" ("checkInId") WHERE "checkInId" IS NOT NULL;
DROP INDEX "ScheduledCall_batchId_sequenceIndex_key";
CREATE UNIQUE INDEX "ScheduledCall_batchId_sequenceIndex_key" ON "ScheduledCall" ("batchId", "sequenceIndex") WHERE "sequenceIndex" IS NOT NULL;
DROP INDEX "ScheduledCall_callId_key";
CREATE UNIQUE INDEX "ScheduledCall_callId_key" ON "ScheduledCall" ("callId") WHERE "callId" IS NOT NULL;
