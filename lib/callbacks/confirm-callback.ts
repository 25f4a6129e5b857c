import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import { scheduledCallSelect, toScheduledCallView } from "@/lib/scheduling/scheduled-call-view";

/**
 * Staff confirm a callback made from a call's outcome: it stops showing "to confirm" (it would have run
 * anyway; confirming says a person looked). Only a pending one that awaits confirmation; audited.
 */
export async function confirmCallback(organizationId: string, id: string, actor: AuditActor, now = new Date()) {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.scheduledCall.updateMany({
      where: { id, organizationId, status: "PENDING", awaitsConfirmation: true, confirmedAt: null },
      data: { confirmedAt: now, confirmedByUserId: actor.userId },
    });
    const row = await tx.scheduledCall.findFirst({ where: { id, organizationId }, select: scheduledCallSelect });
    if (!row) throw notFound("Scheduled call");
    if (count === 0) {
      if (row.confirmedAt) return { message: "Already confirmed", scheduledCall: toScheduledCallView(row) };
      const why = row.awaitsConfirmation ? `it is ${row.status.toLowerCase().replace("_", " ")}` : "it does not wait for confirmation";
      throw new AppError("conflict", `This call back cannot be confirmed: ${why}.`, { extra: { scheduledCallStatus: row.status } });
    }
    await recordAuditEvent(tx, {
      organizationId,
      action: "CALLBACK_CONFIRMED",
      actor,
      targetType: "scheduled_call",
      targetId: id,
      data: { scheduledTime: row.scheduledTime.toISOString() },
    });
    return { message: "Call back confirmed", scheduledCall: toScheduledCallView(row) };
  });
}
