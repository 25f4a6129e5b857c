import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";

export interface BatchActor extends AuditActor {
  organizationId: string;
}

/**
 * Pauses a batch: its calls not yet claimed go PENDING → PAUSED, which the dispatcher's claim never
 * takes; calls already being placed finish as usual, and a call that comes back for another attempt
 * while the batch is paused — or a sequence's next step woken by the end of the one before — waits
 * too (the claim skips PENDING rows of a paused batch). A sequence's WAITING steps stay waiting. One transaction: the
 * batch's pausedAt is set only if it was not paused (a second pause is a 409, changes nothing), and
 * the rows change with it. Against a concurrent claim the row locks decide: a row the claim locked
 * first is under way (and skipped here once it commits), a row this locked first is skipped by the
 * claim's SKIP LOCKED and is PAUSED once this commits — never both.
 */
export async function pauseBatch(actor: BatchActor, batchId: string, now = new Date()) {
  const { organizationId } = actor;
  return getDb().$transaction(async (tx) => {
    const batch = await tx.callBatch.findFirst({
      where: { id: batchId, organizationId },
      select: { id: true, sequenceStatus: true, heldByScheduledCallId: true },
    });
    if (!batch) throw notFound("Batch");
    const marked = await tx.callBatch.updateMany({ where: { id: batchId, organizationId, pausedAt: null }, data: { pausedAt: now } });
    if (marked.count === 0) throw new AppError("conflict", "This batch is already paused. Resume it to carry on calling.", { extra: { batchState: "paused" } });
    const { count: paused } = await tx.scheduledCall.updateMany({
      where: { batchId, organizationId, status: "PENDING" },
      data: { status: "PAUSED", lockedUntil: null, lockedBy: null },
    });
    // The call back a running sequence waits on is not held back by a pause (it rings when the patient was promised).
    const callback =
      batch.sequenceStatus === "RUNNING" && batch.heldByScheduledCallId
        ? await tx.scheduledCall.findFirst({
            where: { id: batch.heldByScheduledCallId, organizationId, sequenceBatchId: batchId, status: { in: ["PENDING", "PAUSED", "IN_PROGRESS"] } },
            select: { status: true, contact: { select: { name: true } } },
          })
        : null;
    if (paused === 0) {
      // A call being placed (or a sequence's waiting steps behind it) still has something to hold back.
      const underWay = await tx.scheduledCall.count({ where: { batchId, organizationId, status: { in: ["IN_PROGRESS", "WAITING"] } } });
      // Rolls back the pausedAt above: nothing is left that a pause would hold back.
      if (underWay === 0 && callback) throw nothingAfterCallback(callback.contact.name, callback.status === "IN_PROGRESS");
      if (underWay === 0)
        throw new AppError("conflict", "Nothing is left to pause: every call of this batch has been made or cancelled.", { extra: { batchState: "finished" } });
    }
    await recordAuditEvent(tx, { organizationId, action: "BATCH_PAUSED", actor, targetType: "call_batch", targetId: batchId, data: { paused } });
    // Whom the pause holds back behind that call back: the sequence's next patients.
    const behindCallback = callback ? await tx.scheduledCall.count({ where: { batchId, organizationId, status: "WAITING" } }) : 0;
    return {
      paused,
      message:
        callback && behindCallback > 0
          ? `Batch paused. The call back to ${callback.contact.name} ${callback.status === "IN_PROGRESS" ? "is on the phone now" : "still rings as promised"}; if it ends without a booking, the next patient is not called until you resume.`
          : paused === 0
            ? "Batch paused; no calls were waiting, calls under way finish as usual"
            : `Paused ${paused} call(s); calls under way finish as usual`,
    };
  });
}

/**
 * A sequence whose last patient asked to be called back: that call back is all that is left, and a pause would hold
 * nothing back (the call back keeps the time the patient was promised, and nobody is behind it). Cancelling it is
 * how staff stop it.
 */
function nothingAfterCallback(name: string, ringing: boolean) {
  return new AppError(
    "conflict",
    ringing
      ? `Nothing is left to pause: the only call left is the call back to ${name}, which is on the phone now, and no other patient is waiting their turn.`
      : `Nothing is left to pause: the only call left is the call back to ${name}, which rings at the time the patient was promised even while the batch is paused, and no other patient is waiting their turn. To stop it, cancel the call back (or Cancel pending on the batch).`,
    { extra: { batchState: "waiting_for_callback" } },
  );
}
