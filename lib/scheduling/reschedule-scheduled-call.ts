import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { nextCallingTime } from "@/lib/scheduling/next-calling-time";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";
import { isPast } from "@/lib/time/past-grace";
import { refuseDistantCall } from "@/lib/scheduling/schedule-horizon";
import { scheduledCallSelect, toScheduledCallView } from "@/lib/scheduling/scheduled-call-view";
import { restateBatchPlan } from "@/lib/scheduling/restate-batch-plan";

/**
 * Moves a PENDING call to a new time (moved on to the next opening of the clinic's and the
 * recipient's hours when it falls outside them). A retry's wait is replaced by the new time. A call of a batch
 * also restates the batch's span and moved count (its card), in the same transaction.
 */
export async function rescheduleScheduledCall(organizationId: string, id: string, input: { scheduledTime: string }, now = new Date()) {
  const asked = new Date(input.scheduledTime);
  if (isPast(asked, now))
    throw new AppError("invalid_input", "The new time is in the past. Pick a time from now on.", {
      issues: [{ path: "scheduledTime", message: "Must be in the future" }],
    });
  refuseDistantCall(asked, now);
  const row = await getDb().scheduledCall.findFirst({
    where: { id, organizationId },
    select: { status: true, batchId: true, contact: { select: { timezone: true, phoneNumber: true } } },
  });
  if (!row) throw notFound("Scheduled call");
  const rules = await loadCallingRules(organizationId);
  const zone = recipientTimeZone(row.contact, rules.timezone).zone;
  const at = nextCallingTime(Math.max(+asked, +now), rules, zone, row.contact.phoneNumber);
  if (at === null)
    throw new AppError("invalid_input", "The clinic’s calling hours never overlap the recipient’s legal calling hours (08:00–21:00 their time).");

  const { batchId } = row;
  const count = await getDb().$transaction(async (tx) => {
    // The batch row first, as resume, cancel and a sequence's advance lock (batch, then calls): two reschedules in
    // one batch take turns, and the second restates the span from the first's committed time.
    if (batchId) await tx.$queryRaw`SELECT 1 FROM "CallBatch" WHERE "id" = ${batchId} AND "organizationId" = ${organizationId} FOR UPDATE`;
    const { count } = await tx.scheduledCall.updateMany({
      where: { id, organizationId, status: "PENDING" },
      data: { scheduledTime: new Date(at), requestedTime: at === +asked ? null : asked, nextAttemptAt: null },
    });
    if (count > 0 && batchId) await restateBatchPlan(tx, organizationId, batchId, now, id);
    return count;
  });
  if (count === 0)
    throw new AppError("conflict", `Only a pending call can be rescheduled; this one is ${row.status.toLowerCase().replace("_", " ")}.`, {
      extra: { scheduledCallStatus: row.status },
    });
  const updated = await getDb().scheduledCall.findFirstOrThrow({ where: { id, organizationId }, select: scheduledCallSelect });
  return { message: "Scheduled call rescheduled successfully", scheduledCall: toScheduledCallView(updated) };
}
