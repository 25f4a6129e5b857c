import type { Conversation, ConversationStatus } from "@/lib/elevenlabs/conversation-schemas";
import { describeCall } from "@/lib/calls/meaning/describe-call";
import type { CallResult } from "@/lib/calls/lifecycle/settle-call";

/**
 * How a finished conversation ends its call: it connected (the call is recorded with what was said),
 * or it never did (busy, no answer, refused: the scheduled call's retry policy decides). One rule for
 * the post-call webhook and the sweeper, so a conversation whose webhook was lost ends the same way,
 * with the same reason, as the one whose webhook came.
 */
export type ConversationEnd = { kind: "connected"; result: CallResult } | { kind: "not_connected"; reason: string };

/**
 * Over for good: "done" or "failed". Anything else (initiated, in-progress, processing, or a status
 * ElevenLabs adds later) is still going: the sweeper looks again next run.
 */
export function isConversationOver(status: ConversationStatus): boolean {
  return status === "done" || status === "failed";
}

/**
 * The end of a conversation, from its status and transcript:
 * - "failed" with nothing said: the phone never connected (ElevenLabs' `call_initiation_failure` case) —
 *   not connected, with the failure's word (busy / no-answer / unknown) as `call_initiation_failure` gives it;
 * - "failed" after someone spoke: the call was answered and then broke off — connected, recorded with its
 *   transcript, so a patient who talked to the agent (and may have booked) is not rung again;
 * - "done" (and any transcription event, which is sent once the conversation is over): connected.
 */
export function conversationEnd(conversation: Conversation): ConversationEnd {
  if (conversation.status === "failed" && conversation.transcript.length === 0) {
    return { kind: "not_connected", reason: failureWord(conversation.terminationReason) };
  }
  return { kind: "connected", result: callResultOf(conversation) };
}

/** ElevenLabs' failure words (`failure_reason`: busy, no-answer, unknown), read from a termination reason. */
export function failureWord(terminationReason: string | null): string {
  const text = terminationReason?.toLowerCase() ?? "";
  if (/\bbusy\b/.test(text)) return "busy";
  if (/\bno[-_ ]?answer\b/.test(text)) return "no-answer";
  return "unknown";
}

/** What a connected conversation records on its call, with what it means (outcome, intent, sentiment, caller). */
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
