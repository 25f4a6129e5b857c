import type { DbClient } from "@/lib/db";

/** The one-at-a-time sequence a call was placed for, and whether that sequence is waiting on the call's conversation now. */
export interface SequenceOfCall {
  batchId: string;
  /** Running, and the call is its current step's or the call back it waits on: a call back made from it holds the sequence. */
  waitsOnIt: boolean;
}

/**
 * The sequence a call belongs to — as one of its steps, or as a call back the sequence was held by — with
 * the batch's row locked until the transaction ends; null for any other call. Taken before a call back made
 * from the call's conversation is written, so that call back and the sequence's advance are ordered: written
 * first, the advance finds the sequence held (`advanceSequence` moves on only if the call back it read is
 * still the batch's); advanced first, this answers `waitsOnIt: false` and the caller does not let a second
 * patient be offered the slot.
 */
export async function lockSequenceOfCall(db: DbClient, callId: string): Promise<SequenceOfCall | null> {
  const [row] = await db.$queryRaw<SequenceOfCall[]>`
    SELECT b."id" AS "batchId",
           (b."sequenceStatus" = 'RUNNING'
            AND ((s."sequenceIndex" IS NOT NULL AND s."sequenceIndex" = b."sequencePosition") OR b."heldByScheduledCallId" = s."id")) AS "waitsOnIt"
      FROM "Call" k
      JOIN "ScheduledCall" s ON s."id" = k."scheduledCallId"
      JOIN "CallBatch" b ON b."id" = (CASE WHEN s."sequenceIndex" IS NOT NULL THEN s."batchId" ELSE s."sequenceBatchId" END)
     WHERE k."id" = ${callId} AND b."mode" = 'SEQUENCE'
       FOR UPDATE OF b`;
  return row ?? null;
}

/**
 * The sequence waits on this call back (written with `sequenceBatchId`, in the transaction that locked the
 * sequence with `lockSequenceOfCall`): its next step is not woken until the call back ends.
 */
export async function holdSequenceOn(db: DbClient, batchId: string, callbackId: string): Promise<void> {
  await db.callBatch.update({ where: { id: batchId }, data: { heldByScheduledCallId: callbackId } });
}
