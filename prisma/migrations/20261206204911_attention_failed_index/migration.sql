-- Needs attention (lib/attention/list-attention.ts) lists a clinic's scheduled calls that failed in the
-- last days, on every overview. Without this index it read every FAILED row the clinic ever had and
-- filtered them by date, a cost that grows with the clinic's history. An expression and a condition,
-- which Prisma's schema language cannot express, so it lives here only (like claim_due_index).
CREATE INDEX "ScheduledCall_failed_at_idx" ON "ScheduledCall" ("organizationId", (coalesce("executedAt", "updatedAt"))) WHERE "status" = 'FAILED';
