import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordActivity } from "@/lib/activity/record-activity";
import { OPEN_CALL_STATUSES, type EventCall } from "@/lib/calls/webhooks/find-call";
import { finishScheduledCall } from "@/lib/calls/webhooks/finish-scheduled-call";

export interface CallResult {
  conversationId: string;
  callSid: string | null;
  startedAt: Date | null;
  durationSeconds: number | null;
  transcript: Prisma.InputJsonValue;
  summary: string | null;
  outcome: string | null;
  analysis: Prisma.InputJsonValue | null;
}

/**
 * Records how a connected call went and finishes its scheduled call, in one transaction. Only an
 * open call changes, in one conditional update, so a duplicate (or concurrent) delivery is a no-op
 * and writes no second activity event.
 */
export async function completeCall(call: EventCall, result: CallResult): Promise<boolean> {
  const endedAt = result.startedAt && result.durationSeconds !== null ? new Date(result.startedAt.getTime() + result.durationSeconds * 1000) : new Date();
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.call.updateMany({
      where: { id: call.id, status: { in: [...OPEN_CALL_STATUSES] } },
      data: {
        status: "COMPLETED",
        conversationId: result.conversationId,
        ...(result.callSid ? { callSid: result.callSid } : {}),
        startedAt: result.startedAt,
        endedAt,
        durationSeconds: result.durationSeconds,
        transcript: result.transcript,
        summary: result.summary,
        outcome: result.outcome,
        ...(result.analysis ? { analysis: result.analysis } : {}),
        errorMessage: null,
      },
    });
    if (count === 0) return false;
    await finishScheduledCall(tx, { callId: call.id, scheduledCallId: call.scheduledCallId }, { kind: "connected", outcome: result.outcome });
    const who = call.contact?.name ?? "a deleted contact";
    await recordActivity(tx, {
      organizationId: call.organizationId,
      type: "CALL_COMPLETED",
      message: result.outcome ? `Call with ${who} ended: ${result.outcome.replaceAll("_", " ")}` : `Call with ${who} ended`,
      contactId: call.contactId,
      callId: call.id,
      data: { outcome: result.outcome, durationSeconds: result.durationSeconds },
    });
    return true;
  });
}

/** Records a call that never connected (busy, no answer) and retries or fails its scheduled call. Duplicates are no-ops. */
export async function failCall(call: EventCall, conversationId: string | null, reason: string): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.call.updateMany({
      where: { id: call.id, status: { in: [...OPEN_CALL_STATUSES] } },
      data: {
        status: "FAILED",
        ...(conversationId ? { conversationId } : {}),
        endedAt: new Date(),
        outcome: reason.replaceAll("-", "_"),
        errorMessage: `Not connected: ${reason}`,
      },
    });
    if (count === 0) return false;
    await finishScheduledCall(tx, { callId: call.id, scheduledCallId: call.scheduledCallId }, { kind: "not_connected", reason });
    const who = call.contact?.name ?? "A deleted contact";
    await recordActivity(tx, {
      organizationId: call.organizationId,
      type: "CALL_NOT_CONNECTED",
      message: `${who} did not pick up (${reason})`,
      contactId: call.contactId,
      callId: call.id,
      data: { reason },
    });
    return true;
  });
}
