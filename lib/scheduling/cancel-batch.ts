import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { restateBatchPlan } from "@/lib/scheduling/restate-batch-plan";

/**
 * Cancels every call of a batch that has not started (PENDING, PAUSED, a sequence's WAITING steps and the call
 * back a sequence is waiting on) in one statement; calls already under way are left alone. A sequence stops for
 * good (CANCELLED), so the end of a call still ringing does not wake the next step. The batch row is written first, in the order the
 * sequence's advance takes its locks (batch, then steps). The batch's span and moved count then describe the calls that
 * were made (restateBatchPlan).
 */
export async function cancelBatch(organizationId: string, batchId: string) {
  const cancelledAt = new Date();
  const count = await getDb().$transaction(async (tx) => {
    // No longer paused either: nothing is left to resume (a paused batch, cancelled, would still offer "Resume").
    const batch = await tx.callBatch.updateManyAndReturn({
      where: { id: batchId, organizationId },
      data: { updatedAt: cancelledAt, pausedAt: null },
      select: { id: true },
    });
    if (batch.length === 0) throw notFound("Batch");
    const [stopped] = await tx.callBatch.updateManyAndReturn({
      where: { id: batchId, organizationId, sequenceStatus: "RUNNING" },
      data: { sequenceStatus: "CANCELLED", sequenceStoppedAt: cancelledAt },
      select: { heldByScheduledCallId: true },
    });
    // The call back a sequence was waiting on is the sequence's own: it stops with it.
    const heldBy = stopped?.heldByScheduledCallId;
    const { count } = await tx.scheduledCall.updateMany({
      where: {
        organizationId,
        status: { in: ["PENDING", "PAUSED", "WAITING"] },
        OR: [{ batchId }, ...(heldBy ? [{ id: heldBy, sequenceBatchId: batchId }] : [])],
      },
      data: { status: "CANCELLED", cancelledAt, cancelReason: "staff", nextAttemptAt: null, lockedUntil: null, lockedBy: null },
    });
    // The card's span and moved count: the calls that were made, no longer the plan of those just cancelled.
    if (count > 0) await restateBatchPlan(tx, organizationId, batchId, cancelledAt);
    return count;
  });
  return { cancelled: count, message: count === 0 ? "No pending calls were left to cancel" : `Cancelled ${count} pending call(s)` };
}
