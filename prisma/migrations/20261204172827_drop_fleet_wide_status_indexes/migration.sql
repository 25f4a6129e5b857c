-- Left from the first claim, which scanned the fleet's due rows by status. Claims now read the partial
-- indexes of claim_due_index per clinic. With stale statistics (no claimed rows when last analyzed) the
-- planner took (status, …) for a clinic's count of claimed, undialed rows and read every clinic's claimed
-- rows for each clinic: 28 ms a clinic at 10,000 clinics, 5 ms for a claim of 4 clinics without them.
-- Every status change of a row also updated all three.
DROP INDEX "ScheduledCall_status_lockedUntil_idx";

DROP INDEX "ScheduledCall_status_nextAttemptAt_idx";

DROP INDEX "ScheduledCall_status_scheduledTime_idx";
