import { z } from "zod";
import type { Responder } from "@/simulator/http-io";
import { conversationResponse, conversationSummary } from "@/simulator/simulated-call";
import type { SimulatorState } from "@/simulator/simulator-state";
import { toValidationDetail } from "@/simulator/validation-errors";

export const CONVERSATIONS_PATH = "/v1/convai/conversations";
export const CONVERSATION_PATH = /^\/v1\/convai\/conversations\/([^/]+)$/;

const listQuerySchema = z.object({
  agent_id: z.string().optional(),
  user_id: z.string().optional(),
  call_start_after_unix: z.coerce.number().int().optional(),
  call_start_before_unix: z.coerce.number().int().optional(),
  page_size: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().optional(),
});

/** `GET /v1/convai/conversations`: newest first, filtered, paged by cursor. */
export function handleListConversations(state: SimulatorState, url: URL, respond: Responder): void {
  const query = Object.fromEntries(url.searchParams);
  const parsed = listQuerySchema.safeParse(query);
  if (!parsed.success) return respond(422, { detail: toValidationDetail(parsed.error, "query", query) });
  const filter = parsed.data;

  const matching = [...state.calls]
    .reverse()
    .filter(
      (call) =>
        (filter.agent_id === undefined || call.agentId === filter.agent_id) &&
        (filter.user_id === undefined || call.userId === filter.user_id) &&
        (filter.call_start_after_unix === undefined || call.startTimeUnixSecs >= filter.call_start_after_unix) &&
        (filter.call_start_before_unix === undefined || call.startTimeUnixSecs <= filter.call_start_before_unix),
    );
  // The cursor is the id of the last conversation of the previous page.
  let start = 0;
  if (filter.cursor !== undefined) {
    const index = matching.findIndex((call) => call.conversationId === filter.cursor);
    if (index === -1) return respond(422, { detail: [{ type: "value_error", loc: ["query", "cursor"], msg: "Invalid cursor" }] });
    start = index + 1;
  }
  const page = matching.slice(start, start + filter.page_size);
  const hasMore = start + page.length < matching.length;
  respond(200, {
    conversations: page.map(conversationSummary),
    has_more: hasMore,
    next_cursor: hasMore ? (page[page.length - 1]?.conversationId ?? null) : null,
  });
}

/** `GET /v1/convai/conversations/{id}`. */
export function handleGetConversation(state: SimulatorState, conversationId: string, respond: Responder): void {
  const call = state.callsById.get(conversationId);
  if (!call) return respond(404, { detail: { status: "conversation_not_found", message: `Conversation ${conversationId} not found` } });
  respond(200, conversationResponse(call));
}
