import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import type { AttentionKind } from "@/lib/generated/prisma/enums";
import type { MarkAttentionDoneInput } from "@/lib/attention/schemas";

/** Which item an id names, read inside the clinic: another clinic's id is not found, like a missing one. */
async function findItem(
  organizationId: string,
  input: MarkAttentionDoneInput,
): Promise<{ itemKey: string; kind: AttentionKind; callId: string | null; scheduledCallId: string | null }> {
  if (input.callId) {
    const call = await getDb().call.findFirst({ where: { id: input.callId, organizationId }, select: { id: true, outcome: true } });
    if (!call) throw notFound("Call");
    const kind = call.outcome === "escalated" ? "ESCALATED" : call.outcome === "callback" ? "CALLBACK_NOT_SCHEDULED" : null;
    if (!kind) throw new AppError("conflict", "This call does not need attention (it was neither escalated nor a request for a call back).");
    return { itemKey: `call:${call.id}`, kind, callId: call.id, scheduledCallId: null };
  }
  const scheduled = await getDb().scheduledCall.findFirst({
    where: { id: input.scheduledCallId!, organizationId },
    select: { id: true, status: true, callId: true },
  });
  if (!scheduled) throw notFound("Scheduled call");
  if (scheduled.status !== "FAILED")
    throw new AppError("conflict", "Only a scheduled call that failed needs attention.", { extra: { scheduledCallStatus: scheduled.status } });
  return { itemKey: `scheduled:${scheduled.id}`, kind: "FAILED", callId: scheduled.callId, scheduledCallId: scheduled.id };
}

/**
 * "Done" on a "Needs attention" item: who and when, and an audit event, written together. Marking it
 * twice keeps the first mark (the answer says who did it).
 */
export async function markAttentionDone(organizationId: string, actor: AuditActor, input: MarkAttentionDoneInput, now = new Date()) {
  const item = await findItem(organizationId, input);
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.attentionDone.createMany({
      data: [{ organizationId, ...item, doneByUserId: actor.userId, doneByEmail: actor.email, doneAt: now }],
      skipDuplicates: true,
    });
    if (count === 1)
      await recordAuditEvent(tx, {
        organizationId,
        action: "ATTENTION_DONE",
        actor,
        targetType: item.scheduledCallId ? "scheduled_call" : "call",
        targetId: item.scheduledCallId ?? item.callId!,
        data: { kind: item.kind },
      });
    const mark = await tx.attentionDone.findUniqueOrThrow({
      where: { organizationId_itemKey: { organizationId, itemKey: item.itemKey } },
      select: { itemKey: true, kind: true, doneAt: true, doneByEmail: true },
    });
    return { alreadyDone: count === 0, done: mark };
  });
}
