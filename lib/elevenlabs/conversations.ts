import type { ElevenLabsResult } from "@/lib/elevenlabs/classify-error";
import type { ElevenLabsConfig } from "@/lib/elevenlabs/config";
import {
  conversationDataSchema,
  conversationsPageSchema,
  normalizeConversation,
  type Conversation,
  type ConversationStatus,
} from "@/lib/elevenlabs/conversation-schemas";
import { sendRequest } from "@/lib/elevenlabs/send-request";

/** One conversation with transcript and analysis. A 404 comes back as a `permanent` failure with status 404. */
export async function getConversation(config: ElevenLabsConfig, conversationId: string): Promise<ElevenLabsResult<Conversation>> {
  const result = await sendRequest(config, {
    method: "GET",
    path: `/v1/convai/conversations/${encodeURIComponent(conversationId)}`,
    schema: conversationDataSchema,
  });
  return result.ok ? { ok: true, value: normalizeConversation(result.value) } : result;
}

export type ListConversationsQuery = {
  agentId?: string;
  /** Our attempt id: finds the conversation a lost dial may have started. */
  userId?: string;
  callStartAfterUnix?: number;
  /** 1–100; ElevenLabs defaults to 30. */
  pageSize?: number;
  cursor?: string;
};

export type ConversationSummary = {
  conversationId: string;
  agentId: string;
  status: ConversationStatus;
  startedAt: Date;
  durationSeconds: number;
  messageCount: number;
  callSuccessful: string;
};

export type ConversationsPage = { conversations: ConversationSummary[]; hasMore: boolean; nextCursor: string | null };

export async function listConversations(config: ElevenLabsConfig, query: ListConversationsQuery = {}): Promise<ElevenLabsResult<ConversationsPage>> {
  const result = await sendRequest(config, {
    method: "GET",
    path: "/v1/convai/conversations",
    query: {
      agent_id: query.agentId,
      user_id: query.userId,
      call_start_after_unix: query.callStartAfterUnix,
      page_size: query.pageSize,
      cursor: query.cursor,
    },
    schema: conversationsPageSchema,
  });
  if (!result.ok) return result;
  return {
    ok: true,
    value: {
      hasMore: result.value.has_more,
      nextCursor: result.value.next_cursor ?? null,
      conversations: result.value.conversations.map((item) => ({
        conversationId: item.conversation_id,
        agentId: item.agent_id,
        status: item.status,
        startedAt: new Date(item.start_time_unix_secs * 1000),
        durationSeconds: item.call_duration_secs,
        messageCount: item.message_count,
        callSuccessful: item.call_successful,
      })),
    },
  };
}
