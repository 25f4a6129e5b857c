import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient, getDb } from "@/lib/db";

/**
 * The scheduled calls that follow a call up: linked to it (`sourceCallId`), or made in its conversation for its
 * patient (`previous_conversation_id`: the agent's call back during a call the clinic received, written before
 * that call's row exists). One rule for the call's page, "Needs attention" (lib/attention/list-attention.ts, in
 * SQL) and the outcome's own call back (lib/callbacks/create-follow-up-callback.ts).
 */
export function followUpsOf(call: { id: string; conversationId: string | null; contactId: string | null }): Prisma.ScheduledCallWhereInput {
  return {
    OR: [
      { sourceCallId: call.id },
      ...(call.conversationId && call.contactId
        ? [{ contactId: call.contactId, dynamicVariables: { path: ["previous_conversation_id"], equals: call.conversationId } }]
        : []),
    ],
  };
}

/**
 * Links the call backs the agent scheduled in a conversation to that conversation's call, once both exist.
 * An inbound call's row is written by the post-call webhook, after the agent's `schedule_callback`; a call
 * the clinic placed exists before it. Run by both writers after their own write (lib/calls/lifecycle/record-received-call.ts,
 * with the row it wrote; lib/appointments/schedule-callback.ts, with the row it finds): whichever runs second sees
 * the other's row, so the link is made in either order. Only unlinked rows of this patient change; running it again
 * changes nothing.
 */
export async function linkCallbacksToCall(
  db: DbClient | ReturnType<typeof getDb>,
  organizationId: string,
  contactId: string,
  call: { id: string; conversationId: string },
): Promise<number> {
  const { count } = await db.scheduledCall.updateMany({
    where: {
      organizationId,
      contactId,
      kind: "CALLBACK",
      sourceCallId: null,
      dynamicVariables: { path: ["previous_conversation_id"], equals: call.conversationId },
    },
    data: { sourceCallId: call.id },
  });
  return count;
}
