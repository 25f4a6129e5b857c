import { getDb } from "@/lib/db";

/**
 * The Call a provider event is about, from our own records: by conversation id, or by our attempt
 * id (`user_id`) when the dial's answer was lost and the conversation id was never stored. The
 * organization is the Call's, never a field of the payload.
 */
export async function findCallForEvent(conversationId: string, attemptId: string | null) {
  return getDb().call.findFirst({
    where: { OR: [{ conversationId }, ...(attemptId ? [{ id: attemptId, conversationId: null }] : [])] },
    select: eventCallSelect,
  });
}

export const eventCallSelect = {
  id: true,
  organizationId: true,
  contactId: true,
  scheduledCallId: true,
  status: true,
  conversationId: true,
  agentId: true,
  contact: { select: { name: true } },
} as const;

export type EventCall = NonNullable<Awaited<ReturnType<typeof findCallForEvent>>>;
