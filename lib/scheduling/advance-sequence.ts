import { getDb, type DbClient } from "@/lib/db";
import type { ScheduledCallStatus } from "@/lib/generated/prisma/enums";
import { nextCallingTime } from "@/lib/scheduling/next-calling-time";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";

/** The reason a sequence's remaining steps are cancelled with when one of its calls booked. */
export const FILLED = "filled";

const FINAL: readonly ScheduledCallStatus[] = ["COMPLETED", "FAILED", "CANCELLED"];

export type SequenceAdvance =
  /** Not a running sequence, its current step has not ended, or another caller advanced it already. */
  | { state: "unchanged" }
  /** The current step booked: the rest are cancelled ("filled"). */
  | { state: "filled"; position: number; cancelled: number }
  /** The current patient asked to be called back: the sequence waits on that call back (`callbackId`). */
  | { state: "held"; position: number; callbackId: string }
  /** The next step is due (PENDING) at `dueAt`. */
  | { state: "next"; position: number; dueAt: Date }
  /** No step was left to call. */
  | { state: "exhausted" };

interface Head {
  organizationId: string;
  position: number;
  stepId: string | null;
  status: ScheduledCallStatus | null;
  contactName: string | null;
  /** The call back the sequence waits on (made from the current step's conversation), and whether it is still to end. */
  heldById: string | null;
  held: boolean;
  booked: boolean;
}

/**
 * Moves a sequence batch on once its current step has ended: a booking on that step (the agent's
 * `appointment_booked`, or an appointment the agent's book-appointment action made during the
 * conversation) — or on the call back it waited on — stops it and cancels the rest as "filled". A
 * patient who asked to be called back holds it: while the call back made from their conversation
 * (`heldByScheduledCallId`) is still to ring, nobody else is offered the slot; once it ends without a
 * booking (or is cancelled, or fails) the sequence goes on. Any other end (no booking, voicemail,
 * attempts exhausted, cancelled, skipped, deleted) makes the next waiting step PENDING at the next
 * moment calling hours allow. Idempotent in SQL: the batch's position moves only from the step that
 * ended and only past the call back it read (`WHERE "sequencePosition" = p AND "heldByScheduledCallId"
 * IS NOT DISTINCT FROM h`), so a duplicate or late event, the cron's safety net, a webhook and a call
 * back being written (lib/scheduling/hold-sequence.ts) racing each other advance it once, and never
 * past a call back it did not see. Run it in the transaction that ended the step when there is one (a
 * crash in between is caught by the cron's safety net).
 */
export async function advanceSequence(db: DbClient, batchId: string, now = new Date()): Promise<SequenceAdvance> {
  // A step that can never be called (its recipient's hours never meet the clinic's) fails and the
  // walk goes on; each pass moves the position forward, so this ends.
  for (;;) {
    // Booked: the step's call, or the call back the sequence waited on (the same patient), completed with a booking.
    const [head] = await db.$queryRaw<Head[]>`
      SELECT b."organizationId", b."sequencePosition" AS "position", s."id" AS "stepId", s."status", c."name" AS "contactName",
             b."heldByScheduledCallId" AS "heldById", coalesce(h."status" IN ('PENDING', 'PAUSED', 'WAITING', 'IN_PROGRESS'), false) AS "held",
             EXISTS (
               SELECT 1 FROM "ScheduledCall" o JOIN "Call" k ON k."id" = o."callId"
                WHERE o."id" IN (s."id", h."id") AND o."status" = 'COMPLETED'
                  AND (lower(regexp_replace(btrim(coalesce(k."reportedOutcome", '')), '[[:space:]-]+', '_', 'g')) = 'appointment_booked'
                       OR EXISTS (SELECT 1 FROM "Appointment" a
                                   WHERE a."organizationId" = k."organizationId" AND a."source" = 'AGENT' AND a."status" <> 'CANCELLED'
                                     AND a."conversationId" = k."conversationId")
                       OR EXISTS (SELECT 1 FROM "Appointment" a
                                   WHERE a."contactId" = o."contactId" AND a."source" = 'AGENT' AND a."status" <> 'CANCELLED'
                                     AND a."createdAt" >= k."createdAt" AND a."createdAt" <= k."updatedAt"))) AS "booked"
        FROM "CallBatch" b
        LEFT JOIN "ScheduledCall" s ON s."batchId" = b."id" AND s."sequenceIndex" = b."sequencePosition"
        LEFT JOIN "ScheduledCall" h ON h."id" = b."heldByScheduledCallId"
        LEFT JOIN "Contact" c ON c."id" = s."contactId"
       WHERE b."id" = ${batchId} AND b."mode" = 'SEQUENCE' AND b."sequenceStatus" = 'RUNNING'`;
    if (!head) return { state: "unchanged" };
    // A step deleted with its contact counts as ended.
    if (head.stepId && !FINAL.includes(head.status!)) return { state: "unchanged" };
    const position = head.position;

    if (head.booked) {
      const moved = await db.$executeRaw`
        UPDATE "CallBatch" SET "sequenceStatus" = 'FILLED', "sequenceStoppedAt" = ${now}, "filledByScheduledCallId" = ${head.stepId}, "updatedAt" = now()
         WHERE "id" = ${batchId} AND "sequenceStatus" = 'RUNNING' AND "sequencePosition" = ${position}`;
      if (moved === 0) return { state: "unchanged" };
      const cancelled = await db.$executeRaw`
        UPDATE "ScheduledCall"
           SET "status" = 'CANCELLED', "cancelledAt" = ${now}, "cancelReason" = ${FILLED}, "nextAttemptAt" = NULL, "lockedUntil" = NULL, "lockedBy" = NULL,
               "errorMessage" = ${`Not called: ${head.contactName ?? "an earlier patient"} booked (step ${position})`}, "updatedAt" = now()
         WHERE "batchId" = ${batchId} AND "status" IN ('WAITING', 'PENDING') AND "sequenceIndex" > ${position}`;
      return { state: "filled", position, cancelled };
    }

    // The patient asked to be called back and that call back is still to ring: nobody else is offered the slot yet.
    if (head.held) return { state: "held", position, callbackId: head.heldById! };

    const [next] = await db.$queryRaw<{ id: string; sequenceIndex: number; timezone: string | null; phoneNumber: string }[]>`
      SELECT s."id", s."sequenceIndex", c."timezone", c."phoneNumber" FROM "ScheduledCall" s JOIN "Contact" c ON c."id" = s."contactId"
       WHERE s."batchId" = ${batchId} AND s."status" = 'WAITING' AND s."sequenceIndex" > ${position}
       ORDER BY s."sequenceIndex" LIMIT 1`;
    if (!next) {
      const moved = await db.$executeRaw`
        UPDATE "CallBatch" SET "sequenceStatus" = 'EXHAUSTED', "sequenceStoppedAt" = ${now}, "heldByScheduledCallId" = NULL, "updatedAt" = now()
         WHERE "id" = ${batchId} AND "sequenceStatus" = 'RUNNING' AND "sequencePosition" = ${position}
           AND "heldByScheduledCallId" IS NOT DISTINCT FROM ${head.heldById}`;
      return moved === 0 ? { state: "unchanged" } : { state: "exhausted" };
    }

    // Only past the call back read above: one written since (the patient asked again) holds the sequence.
    const moved = await db.$executeRaw`
      UPDATE "CallBatch" SET "sequencePosition" = ${next.sequenceIndex}, "heldByScheduledCallId" = NULL, "updatedAt" = now()
       WHERE "id" = ${batchId} AND "sequenceStatus" = 'RUNNING' AND "sequencePosition" = ${position}
         AND "heldByScheduledCallId" IS NOT DISTINCT FROM ${head.heldById}`;
    if (moved === 0) return { state: "unchanged" };
    const rules = await db.organization.findUniqueOrThrow({
      where: { id: head.organizationId },
      select: { timezone: true, defaultCountry: true, callingDays: true, callingWindowStart: true, callingWindowEnd: true },
    });
    const due = nextCallingTime(now, rules, recipientTimeZone(next, rules.timezone).zone);
    const woken =
      due === null
        ? await db.$executeRaw`
            UPDATE "ScheduledCall" SET "status" = 'FAILED', "executedAt" = ${now}, "updatedAt" = now(),
                   "errorMessage" = 'Not called: the clinic’s calling hours never overlap the recipient’s legal calling hours'
             WHERE "id" = ${next.id} AND "status" = 'WAITING'`
        : await db.$executeRaw`
            UPDATE "ScheduledCall" SET "status" = 'PENDING', "scheduledTime" = ${new Date(due)}, "nextAttemptAt" = NULL, "updatedAt" = now()
             WHERE "id" = ${next.id} AND "status" = 'WAITING'`;
    // Not waiting any more (staff cancelled it a moment ago), or never callable: the walk goes on from it.
    if (woken === 1 && due !== null) return { state: "next", position: next.sequenceIndex, dueAt: new Date(due) };
  }
}

/**
 * The lifecycle's hook: after a scheduled call reached a final state (or was cancelled), advance its
 * sequence if it is a step of one, or a call back one waits on. A no-op for staggered batches, for
 * steps that are not current and for call backs no sequence waits on.
 */
export async function advanceSequenceOfStep(db: DbClient, scheduledCallId: string, now = new Date()): Promise<SequenceAdvance> {
  const row = await db.scheduledCall.findUnique({ where: { id: scheduledCallId }, select: { batchId: true, sequenceIndex: true, sequenceBatchId: true } });
  const batchId = row?.sequenceIndex !== null && row?.sequenceIndex !== undefined ? row.batchId : row?.sequenceBatchId;
  if (!batchId) return { state: "unchanged" };
  return advanceSequence(db, batchId, now);
}

/** The same, in a transaction of its own (for callers outside one). */
export function advanceSequenceNow(batchId: string, now = new Date()): Promise<SequenceAdvance> {
  return getDb().$transaction((tx) => advanceSequence(tx, batchId, now));
}
