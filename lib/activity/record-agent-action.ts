import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActivityType } from "@/lib/generated/prisma/enums";
import { recordActivity } from "@/lib/activity/record-activity";

/**
 * A feed entry for something the voice agent did mid-call (booked, moved, cancelled, scheduled a
 * callback), linked to the call when Callboard knows the conversation, so staff see what the agent did.
 */
export async function recordAgentAction(
  organizationId: string,
  entry: { type: ActivityType; message: string; conversationId?: string | null; contactId?: string | null; data: Prisma.InputJsonObject },
): Promise<void> {
  const db = getDb();
  const call = entry.conversationId
    ? await db.call.findFirst({ where: { organizationId, conversationId: entry.conversationId }, select: { id: true, contactId: true } })
    : null;
  await recordActivity(db, {
    organizationId,
    type: entry.type,
    message: entry.message,
    callId: call?.id ?? null,
    contactId: entry.contactId ?? call?.contactId ?? null,
    data: { ...entry.data, ...(entry.conversationId ? { conversationId: entry.conversationId } : {}) },
  });
}
