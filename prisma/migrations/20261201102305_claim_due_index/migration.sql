-- Indexes for the dispatcher's claim that Prisma's schema language cannot express (an expression
-- and a condition), so they live here only. Prisma's diff leaves them alone (the migrations test
-- checks there is no drift).
-- Claims take a clinic's due PENDING calls in due order: reading the first few of this index
-- replaces sorting every due row of the clinic on every claim.
CREATE INDEX "ScheduledCall_pending_due_idx" ON "ScheduledCall" ("organizationId", (coalesce("nextAttemptAt", "scheduledTime")), "id") WHERE "status" = 'PENDING';
-- The cap counts a clinic's claimed rows whose dial has not been sent yet.
CREATE INDEX "ScheduledCall_undialed_lease_idx" ON "ScheduledCall" ("organizationId", "lockedUntil") WHERE "status" = 'IN_PROGRESS' AND "dialStartedAt" IS NULL;
