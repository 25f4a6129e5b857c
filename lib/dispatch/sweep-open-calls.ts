import { isOpenCall, OPEN_CALL_STATUSES } from "@/lib/calls/lifecycle/statuses";
import { getDb } from "@/lib/db";
import type { ElevenLabsClient } from "@/lib/elevenlabs/client";
import { failCall, settleConversation } from "@/lib/calls/lifecycle/settle-known-call";
import { isConversationOver } from "@/lib/calls/lifecycle/conversation-end";
import { eventCallSelect, type EventCall } from "@/lib/calls/webhooks/find-call";
import { retryOrFail } from "@/lib/calls/lifecycle/retry-or-fail";

/** A dial without an answer is looked up by attempt id once its request has surely timed out. */
const UNANSWERED_DIAL_MS = 60_000;
const SWEEP_PARALLELISM = 4;

export interface SweepSummary {
  /** Unanswered dials whose conversation was found by our attempt id and adopted. */
  reconciled: number;
  /** Calls finished from ElevenLabs' record because their webhook never came. */
  swept: number;
  errors: string[];
}

/**
 * Settles calls the webhooks left open. ElevenLabs sends each webhook once and never retries, so:
 *  - a dial whose answer was lost (no conversation id) is looked up by our attempt id (`user_id`)
 *    and its conversation adopted — never redialed;
 *  - a call open longer than the clinic's `staleCallMinutes` is read from
 *    `GET /v1/convai/conversations/{id}` and finished from that data as the webhook would have
 *    finished it (`conversationEnd`: connected, or a failed one nobody spoke in, not connected); if ElevenLabs has no
 *    conversation for the attempt by then, the dial never started and its scheduled call is retried.
 * Every change goes through the webhook's own conditional updates, so a webhook arriving at the same
 * moment, or an overlapping run, changes each call once. The slots freed here are filled by the
 * dispatch that follows the sweep in the same run.
 */
export async function sweepOpenCalls(client: ElevenLabsClient, options: { now: Date; limit?: number }): Promise<SweepSummary> {
  const { now } = options;
  const summary: SweepSummary = { reconciled: 0, swept: 0, errors: [] };
  const candidates = await getDb().$queryRaw<{ id: string; stale: boolean }[]>`
    SELECT c."id", (c."createdAt" < ${now}::timestamptz - o."staleCallMinutes" * interval '1 minute') AS "stale"
      FROM "Call" c JOIN "Organization" o ON o."id" = c."organizationId"
     WHERE c."status" IN ('INITIATED', 'IN_PROGRESS') AND c."direction" = 'OUTBOUND'
       AND c."createdAt" < ${new Date(+now - UNANSWERED_DIAL_MS)}
       AND (c."conversationId" IS NULL OR c."createdAt" < ${now}::timestamptz - o."staleCallMinutes" * interval '1 minute')
     ORDER BY c."createdAt" LIMIT ${options.limit ?? 50}`;

  const queue = [...candidates];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        await settle(client, next.id, next.stale, now, summary);
      } catch (error) {
        summary.errors.push(`Call ${next.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: SWEEP_PARALLELISM }, worker));
  return summary;
}

async function settle(client: ElevenLabsClient, callId: string, stale: boolean, now: Date, summary: SweepSummary): Promise<void> {
  let call: EventCall | null = await getDb().call.findUnique({ where: { id: callId }, select: eventCallSelect });
  if (!call || !isOpenCall(call.status)) return;

  if (!call.conversationId) {
    const found = await client.listConversations({ userId: call.id, pageSize: 1 });
    if (!found.ok) return void summary.errors.push(`Call ${call.id}: looking it up by attempt id failed: ${found.error.message}`);
    const conversation = found.value.conversations[0];
    if (conversation) {
      const adopted = await adopt(call.id, call.scheduledCallId, conversation.conversationId);
      if (adopted) summary.reconciled += 1;
      call = { ...call, conversationId: conversation.conversationId };
    } else if (stale) {
      await neverStarted(call, now, summary);
      return;
    } else {
      return; // not found yet: looked up again next run, until the call counts as stale
    }
  }
  if (!stale || !call.conversationId) return;

  const read = await client.getConversation(call.conversationId);
  if (!read.ok) {
    if (read.error.status === 404) {
      if (await failCall(call, null, "unknown")) summary.swept += 1;
      return;
    }
    return void summary.errors.push(`Call ${call.id}: reading conversation ${call.conversationId} failed: ${read.error.message}`);
  }
  const conversation = read.value;
  // initiated / in-progress / processing: still going; looked at again next run.
  if (!isConversationOver(conversation.status)) return;
  // Done or failed: ended by the webhook's own rule, so it reaches the state (and reason) the lost webhook would have.
  if (await settleConversation(call, conversation)) summary.swept += 1;
}

/** Stores the conversation id an unanswered dial turned out to have started. */
async function adopt(callId: string, scheduledCallId: string | null, conversationId: string): Promise<boolean> {
  const { count } = await getDb().call.updateMany({ where: { id: callId, conversationId: null }, data: { conversationId, errorMessage: null } });
  if (count && scheduledCallId) {
    await getDb().scheduledCall.updateMany({ where: { id: scheduledCallId, callId }, data: { providerCallId: conversationId, errorMessage: null } });
  }
  return count === 1;
}

/**
 * ElevenLabs has no conversation for this attempt long after the dial: it never started, so nobody
 * was rung and trying again cannot ring anyone twice.
 */
async function neverStarted(call: EventCall, now: Date, summary: SweepSummary): Promise<void> {
  const reason = "ElevenLabs never started this call";
  const changed = await getDb().$transaction(async (tx) => {
    const { count } = await tx.call.updateMany({
      where: { id: call.id, status: { in: [...OPEN_CALL_STATUSES] }, conversationId: null },
      data: { status: "FAILED", endedAt: now, errorMessage: reason },
    });
    if (count === 0) return false;
    if (call.scheduledCallId) await retryOrFail(tx, { scheduledCallId: call.scheduledCallId, callId: call.id, kind: "provider", reason, now });
    return true;
  });
  if (changed) summary.swept += 1;
}
