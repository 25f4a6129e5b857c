import type { Prisma } from "@/lib/generated/prisma/client";
import type { Conversation } from "@/lib/elevenlabs/conversation-schemas";
import { completeCall } from "@/lib/calls/webhooks/complete-call";
import type { EventCall } from "@/lib/calls/webhooks/find-call";

/**
 * Records a finished conversation on its call: what a `post_call_transcription` webhook carries, and
 * what the sweeper reads from `GET /v1/convai/conversations/{id}` when that webhook never came.
 */
export function applyConversation(call: EventCall, conversation: Conversation): Promise<boolean> {
  return completeCall(call, {
    conversationId: conversation.conversationId,
    callSid: conversation.callSid,
    startedAt: conversation.startedAt,
    durationSeconds: conversation.durationSeconds,
    transcript: conversation.transcript,
    summary: conversation.summary,
    outcome: conversation.outcome,
    analysis: conversation.analysis as Prisma.InputJsonValue | null,
  });
}
