import { getDb } from "@/lib/db";

/** Steps of one sequence are at most this many (SEQUENCE_CONTACTS_MAX), so one page holds them all. */
const STEPS_MAX = 500;

/**
 * A sequence batch's steps in calling order, each with how it ended: its status, attempts, the last
 * call's outcome, and why it was not called (cancelled: "filled", do-not-call, no consent, staff), and the
 * call back the sequence waits on, if any. Null when the batch is not a sequence of this organization.
 */
export async function listSequenceSteps(organizationId: string, batchId: string) {
  const batch = await getDb().callBatch.findFirst({
    where: { id: batchId, organizationId, mode: "SEQUENCE" },
    select: {
      id: true,
      name: true,
      sequenceStatus: true,
      sequencePosition: true,
      sequenceStoppedAt: true,
      filledByScheduledCallId: true,
      heldByScheduledCallId: true,
      scheduledCount: true,
    },
  });
  if (!batch) return null;
  // The call back a running sequence waits on (its current patient asked to be called back), while it is still to ring.
  const heldBy =
    batch.sequenceStatus === "RUNNING" && batch.heldByScheduledCallId
      ? await getDb().scheduledCall.findFirst({
          where: { id: batch.heldByScheduledCallId, organizationId, status: { in: ["PENDING", "PAUSED", "IN_PROGRESS"] } },
          select: { id: true, status: true, scheduledTime: true, nextAttemptAt: true, contact: { select: { name: true } } },
        })
      : null;
  const rows = await getDb().scheduledCall.findMany({
    where: { organizationId, batchId },
    orderBy: { sequenceIndex: "asc" },
    take: STEPS_MAX,
    select: {
      id: true,
      sequenceIndex: true,
      status: true,
      attempts: true,
      maxAttempts: true,
      scheduledTime: true,
      nextAttemptAt: true,
      executedAt: true,
      cancelReason: true,
      errorMessage: true,
      contact: { select: { id: true, name: true } },
      call: { select: { id: true, outcome: true, reportedOutcome: true, endedAt: true } },
    },
  });
  return {
    batch,
    waitingOnCallback: heldBy,
    steps: rows.map(({ call, ...row }) => ({
      ...row,
      booked: row.id === batch.filledByScheduledCallId,
      /** The agent's own word when it sent one ("appointment_booked"), else what the call came to. */
      outcome: call?.reportedOutcome ?? call?.outcome ?? null,
      callId: call?.id ?? null,
    })),
  };
}

export type SequenceSteps = NonNullable<Awaited<ReturnType<typeof listSequenceSteps>>>;
