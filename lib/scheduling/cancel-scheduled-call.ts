import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { advanceSequenceOfStep } from "@/lib/scheduling/advance-sequence";

const WHY_NOT: Record<string, string> = {
  IN_PROGRESS: "This call is being placed right now and can no longer be cancelled.",
  COMPLETED: "This call has already been made, so there is nothing to cancel.",
  FAILED: "This call has already failed and will not be tried again, so there is nothing to cancel.",
};

/**
 * Cancels one PENDING (or PAUSED) call. The status check is part of the update, so a call the dispatcher has
 * just claimed (IN_PROGRESS) cannot be "cancelled" while it rings. Cancelling twice is fine.
 */
export async function cancelScheduledCall(organizationId: string, id: string) {
  const { count } = await getDb().scheduledCall.updateMany({
    where: { id, organizationId, status: { in: ["PENDING", "PAUSED", "WAITING"] } },
    data: { status: "CANCELLED", cancelledAt: new Date(), nextAttemptAt: null, lockedUntil: null, lockedBy: null, cancelReason: "staff" },
  });
  if (count === 1) {
    // The current step of a sequence: the next patient's turn comes now.
    await getDb().$transaction((tx) => advanceSequenceOfStep(tx, id));
    return { message: "Scheduled call cancelled successfully", alreadyCancelled: false };
  }
  const row = await getDb().scheduledCall.findFirst({ where: { id, organizationId }, select: { status: true } });
  if (!row) throw notFound("Scheduled call");
  if (row.status === "CANCELLED") return { message: "Scheduled call cancelled successfully", alreadyCancelled: true };
  throw new AppError("conflict", WHY_NOT[row.status] ?? "This call can no longer be cancelled.", { extra: { scheduledCallStatus: row.status } });
}
