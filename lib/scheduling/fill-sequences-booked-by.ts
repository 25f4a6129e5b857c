import type { DbClient } from "@/lib/db";
import { FILLED } from "@/lib/scheduling/advance-sequence";

/**
 * The agent booked this patient outside the sequence's own call — they called the clinic back, or a
 * call back reached them — while a sequence that already called them is still running: the waitlist is
 * filled, so its steps not yet dialed are cancelled ("filled"), as if their own step had booked. Only
 * sequences that reached the patient (their step is at or before the current one): a patient further
 * down the list who books on their own was never offered the slot. A step being dialed right now goes
 * on; its end advances nothing (the sequence is no longer RUNNING). A call back the sequence was waiting
 * on for another patient, not ringing yet, is cancelled as "filled" too: that patient is not called
 * back about a slot that is gone (the booking patient's own call back is theirs to keep). Returns how
 * many sequences it filled.
 */
export async function fillSequencesBookedBy(db: DbClient, organizationId: string, contactId: string, now: Date): Promise<number> {
  // The running sequences that reached this patient, locked first in a statement of their own: a call back
  // being written under the same lock (lib/scheduling/hold-sequence.ts) commits before the update below
  // takes its snapshot, so that update sees it and cancels it (in one statement it would not).
  await db.$queryRaw`
    SELECT b."id" FROM "CallBatch" b JOIN "ScheduledCall" s ON s."batchId" = b."id"
     WHERE s."organizationId" = ${organizationId} AND s."contactId" = ${contactId} AND s."sequenceIndex" IS NOT NULL
       AND b."organizationId" = ${organizationId} AND b."mode" = 'SEQUENCE' AND b."sequenceStatus" = 'RUNNING'
     ORDER BY b."id" FOR UPDATE OF b`;
  const filled = await db.$queryRaw<{ batchId: string }[]>`
    WITH "step" AS (
      SELECT DISTINCT ON (b."id") b."id" AS "batchId", s."id" AS "stepId", s."sequenceIndex", c."name"
        FROM "ScheduledCall" s
        JOIN "CallBatch" b ON b."id" = s."batchId"
        JOIN "Contact" c ON c."id" = s."contactId"
       WHERE s."organizationId" = ${organizationId} AND s."contactId" = ${contactId} AND s."sequenceIndex" IS NOT NULL
         AND b."organizationId" = ${organizationId} AND b."mode" = 'SEQUENCE' AND b."sequenceStatus" = 'RUNNING'
         AND s."sequenceIndex" <= b."sequencePosition"
       ORDER BY b."id", s."sequenceIndex"
    ), "filled" AS (
      UPDATE "CallBatch" b
         SET "sequenceStatus" = 'FILLED', "sequenceStoppedAt" = ${now}, "filledByScheduledCallId" = "step"."stepId", "updatedAt" = now()
        FROM "step"
       WHERE b."id" = "step"."batchId" AND b."sequenceStatus" = 'RUNNING'
      RETURNING b."id", b."heldByScheduledCallId", "step"."sequenceIndex", "step"."name"
    ), "released" AS (
      UPDATE "ScheduledCall" s
         SET "status" = 'CANCELLED', "cancelledAt" = ${now}, "cancelReason" = ${FILLED}, "nextAttemptAt" = NULL, "lockedUntil" = NULL, "lockedBy" = NULL,
             "errorMessage" = 'Not called: ' || "filled"."name" || ' booked (step ' || "filled"."sequenceIndex" || ')', "updatedAt" = now()
        FROM "filled"
       WHERE s."id" = "filled"."heldByScheduledCallId" AND s."status" IN ('PENDING', 'PAUSED') AND s."contactId" <> ${contactId}
      RETURNING s."id"
    ), "cancelled" AS (
      UPDATE "ScheduledCall" s
         SET "status" = 'CANCELLED', "cancelledAt" = ${now}, "cancelReason" = ${FILLED}, "nextAttemptAt" = NULL, "lockedUntil" = NULL, "lockedBy" = NULL,
             "errorMessage" = 'Not called: ' || "filled"."name" || ' booked (step ' || "filled"."sequenceIndex" || ')', "updatedAt" = now()
        FROM "filled"
       WHERE s."batchId" = "filled"."id" AND s."status" IN ('WAITING', 'PENDING') AND s."sequenceIndex" > "filled"."sequenceIndex"
      RETURNING s."id"
    )
    SELECT "id" AS "batchId" FROM "filled"`;
  return filled.length;
}
