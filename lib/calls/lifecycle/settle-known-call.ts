import { endConnectedCall, endUnconnectedCall, type CallResult } from "@/lib/calls/lifecycle/settle-call";
import { recordCallEnded } from "@/lib/calls/webhooks/record-call-ended";
import { honourOptOutInCall } from "@/lib/compliance/do-not-call/honour-opt-out-in-call";
import type { EventCall } from "@/lib/calls/webhooks/find-call";
import { createFollowUpCallback, wantsFollowUp } from "@/lib/callbacks/create-follow-up-callback";
import type { Conversation } from "@/lib/elevenlabs/conversation-schemas";
import { conversationEnd } from "@/lib/calls/lifecycle/conversation-end";

export type { CallResult } from "@/lib/calls/lifecycle/settle-call";

/**
 * Records how a known call went (the sweeper's path: it found the call itself) and then its feed
 * entry. Only an open call changes, so a duplicate is a no-op and writes no second activity event.
 */
export async function completeCall(call: EventCall, result: CallResult): Promise<boolean> {
  const ended = await endConnectedCall({ callId: call.id }, result);
  if (!ended) return false;
  await honourOptOutInCall(ended, result);
  await recordCallEnded(ended, {
    kind: "connected",
    outcome: result.meaning.outcome,
    reportedOutcome: result.meaning.reportedOutcome,
    durationSeconds: result.durationSeconds,
  });
  if (!ended.followUpMade && wantsFollowUp(result.meaning.outcome)) await createFollowUpCallback(ended.organizationId, ended.id);
  return true;
}

/** Records a known call that never connected (busy, no answer) and retries or fails its scheduled call. Duplicates are no-ops. */
export async function failCall(call: EventCall, conversationId: string | null, reason: string, terminationReason: string | null = null): Promise<boolean> {
  const ended = await endUnconnectedCall({ callId: call.id }, conversationId, reason, terminationReason);
  if (!ended) return false;
  await recordCallEnded(ended, { kind: "not_connected", reason });
  return true;
}

/**
 * Ends a known call from ElevenLabs' record of its finished conversation (`GET /v1/convai/conversations/{id}`,
 * read by the sweeper when the webhook never came), by the webhook's own rule (`conversationEnd`).
 */
export function settleConversation(call: EventCall, conversation: Conversation): Promise<boolean> {
  const end = conversationEnd(conversation);
  return end.kind === "connected" ? completeCall(call, end.result) : failCall(call, conversation.conversationId, end.reason, conversation.terminationReason);
}
