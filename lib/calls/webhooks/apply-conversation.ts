import type { Conversation } from "@/lib/elevenlabs/conversation-schemas";
import { describeCall } from "@/lib/calls/meaning/describe-call";
import { completeCall } from "@/lib/calls/lifecycle/settle-known-call";
import type { EventCall } from "@/lib/calls/webhooks/find-call";
import type { CallResult } from "@/lib/calls/lifecycle/settle-call";

/** What a finished conversation records on its call, with what it means (outcome, intent, sentiment, caller). */
export function callResultOf(conversation: Conversation): CallResult {
  return {
    conversationId: conversation.conversationId,
    callSid: conversation.callSid,
    startedAt: conversation.startedAt,
    durationSeconds: conversation.durationSeconds,
    transcript: conversation.transcript,
    summary: conversation.summary,
    summaryTitle: conversation.summaryTitle,
    terminationReason: conversation.terminationReason,
    callSuccessful: conversation.callSuccessful,
    dynamicVariables: Object.keys(conversation.dynamicVariables).length ? conversation.dynamicVariables : null,
    analysis: conversation.analysis,
    meaning: describeCall({
      transcript: conversation.transcript,
      analysis: conversation.analysis,
      terminationReason: conversation.terminationReason,
      summary: conversation.summary,
      summaryTitle: conversation.summaryTitle,
    }),
  };
}

/**
 * Records a finished conversation on a call the sweeper found: what it reads from
 * `GET /v1/convai/conversations/{id}` when the `post_call_transcription` webhook never came.
 */
export function applyConversation(call: EventCall, conversation: Conversation): Promise<boolean> {
  return completeCall(call, callResultOf(conversation));
}
