import { getDb } from "@/lib/db";
import { advanceSequenceNow } from "@/lib/scheduling/advance-sequence";

/** How long after a step's end the safety net leaves it to the end's own advance. */
export const STALL_GRACE_MS = 60_000;

/**
 * The cron's safety net for sequences: a running sequence whose current step has ended (or was
 * deleted with its contact) but was never advanced — a crash between a call's end and its advance, or
 * a step ended by a path that does not advance (a cancellation elsewhere) — is advanced now. The
 * advance is idempotent, so racing a webhook changes nothing twice. Answers how many moved.
 */
export async function resumeStalledSequences(now = new Date(), limit = 200): Promise<number> {
  // A sequence waiting on a call back is not stalled: that call back's end moves it (and the next run catches a crash then).
  // A step (or the call back held on) that ended moments ago is not stalled either: its end may still be writing the
  // call back the patient asked for (lib/calls/lifecycle/settle-call.ts), which must hold the sequence first.
  const settled = new Date(+now - STALL_GRACE_MS);
  const stalled = await getDb().$queryRaw<{ id: string }[]>`
    SELECT b."id" FROM "CallBatch" b
      LEFT JOIN "ScheduledCall" s ON s."batchId" = b."id" AND s."sequenceIndex" = b."sequencePosition"
      LEFT JOIN "ScheduledCall" h ON h."id" = b."heldByScheduledCallId"
     WHERE b."sequenceStatus" = 'RUNNING' AND (s."id" IS NULL OR (s."status" IN ('COMPLETED', 'FAILED', 'CANCELLED') AND s."updatedAt" < ${settled}))
       AND (h."id" IS NULL OR (h."status" IN ('COMPLETED', 'FAILED', 'CANCELLED') AND h."updatedAt" < ${settled}))
     ORDER BY b."updatedAt" LIMIT ${limit}`;
  let moved = 0;
  for (const { id } of stalled) {
    const advance = await advanceSequenceNow(id, now);
    if (advance.state !== "unchanged" && advance.state !== "held") moved += 1;
  }
  return moved;
}
