import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** Cancels every PENDING call of a batch in one statement; calls already under way are left alone. */
export async function cancelBatch(organizationId: string, batchId: string) {
  const cancelledAt = new Date();
  const { count } = await getDb().scheduledCall.updateMany({
    where: { batchId, organizationId, status: "PENDING" },
    data: { status: "CANCELLED", cancelledAt, nextAttemptAt: null, lockedUntil: null, lockedBy: null },
  });
  if (count === 0 && !(await getDb().callBatch.findFirst({ where: { id: batchId, organizationId }, select: { id: true } }))) throw notFound("Batch");
  return { cancelled: count, message: count === 0 ? "No pending calls were left to cancel" : `Cancelled ${count} pending call(s)` };
}
