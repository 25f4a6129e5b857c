import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { placeInCallingHours } from "@/lib/scheduling/place-in-calling-hours";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";
import { isPast } from "@/lib/time/past-grace";
import { refuseDistantCall } from "@/lib/scheduling/schedule-horizon";
import { scheduledCallSelect, toScheduledCallView } from "@/lib/scheduling/scheduled-call-view";
import { restateBatchPlan } from "@/lib/scheduling/restate-batch-plan";
import { CAP_SEARCH_MS, loadPatientLimits } from "@/lib/compliance/load-patient-limits";

/**
 * Moves a PENDING call to a new time, placed as a call back or check-in is: moved on to the next time the clinic's
 * calling hours, the patient's legal hours and their call limits allow — counting the calls made and the patient's
 * other pending calls, not this one — so the time staff see is the time the dispatcher dials. The answer says when and
 * why it moved (`moved`, `message`). A retry's wait is replaced by the new time. A call of a batch also restates the
 * batch's span and moved counts (its card), in the same transaction.
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
    select: { status: true, batchId: true, contact: { select: { id: true, timezone: true, phoneNumber: true } } },
  });
  if (!row) throw notFound("Scheduled call");
  const rules = await loadCallingRules(organizationId);
  const from = Math.max(+asked, +now);
  const limits = await loadPatientLimits(organizationId, row.contact, rules, from, {
    plannedUntil: new Date(from + CAP_SEARCH_MS),
    excludeScheduledCallIds: [id],
  });
  const placed = placeInCallingHours(asked, now, rules, recipientTimeZone(row.contact, rules.timezone).zone, limits);

  const { batchId } = row;
  const count = await getDb().$transaction(async (tx) => {
    // The batch row first, as resume, cancel and a sequence's advance lock (batch, then calls): two reschedules in
    // one batch take turns, and the second restates the span from the first's committed time.
    if (batchId) await tx.$queryRaw`SELECT 1 FROM "CallBatch" WHERE "id" = ${batchId} AND "organizationId" = ${organizationId} FOR UPDATE`;
    const { count } = await tx.scheduledCall.updateMany({
      where: { id, organizationId, status: "PENDING" },
      data: { scheduledTime: placed.at, requestedTime: placed.requested, nextAttemptAt: null },
    });
    if (count > 0 && batchId) await restateBatchPlan(tx, organizationId, batchId, now, { id, capped: placed.moved === "call_limit" });
    return count;
  });
  if (count === 0)
    throw new AppError("conflict", `Only a pending call can be rescheduled; this one is ${row.status.toLowerCase().replace("_", " ")}.`, {
      extra: { scheduledCallStatus: row.status },
    });
  const updated = await getDb().scheduledCall.findFirstOrThrow({ where: { id, organizationId }, select: scheduledCallSelect });
  return { message: placed.message ?? "Scheduled call rescheduled successfully", moved: placed.moved, scheduledCall: toScheduledCallView(updated) };
}
