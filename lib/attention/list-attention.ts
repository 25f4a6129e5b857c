import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { AttentionKind } from "@/lib/generated/prisma/enums";

/** How far back the list looks: older follow-ups are history, not a to-do. */
export const ATTENTION_WINDOW_DAYS = 14;
const OPEN_SHOWN = 50;
const DONE_SHOWN = 5;

export interface AttentionItem {
  itemKey: string;
  kind: AttentionKind;
  /** The call to open: the escalated or callback call, or the last attempt of a failed scheduled call (null if none was dialed). */
  callId: string | null;
  scheduledCallId: string | null;
  contactId: string | null;
  /** The patient: the contact's name, else the name they gave, else null. */
  who: string | null;
  at: Date;
  /** The call's summary, or why the scheduled call failed. */
  detail: string | null;
  doneAt: Date | null;
  doneBy: string | null;
}

/**
 * What needs a person, derived from the calls themselves (so nothing is missed when a hook fails):
 * escalated calls, callback requests no call back follows, and scheduled calls that failed after all their
 * attempts, in the last ATTENTION_WINDOW_DAYS. "Done" marks (AttentionDone) take an item off the list.
 */
export function itemsSql(organizationId: string, since: Date) {
  return Prisma.sql`
    WITH items AS (
      SELECT 'ESCALATED' AS "kind", 'call:' || c."id" AS "itemKey", c."id" AS "callId", NULL::text AS "scheduledCallId", c."contactId", c."createdAt" AS "at", c."summary" AS "detail"
        FROM "Call" c
       WHERE c."organizationId" = ${organizationId} AND c."outcome" = 'escalated' AND c."createdAt" >= ${since}
      UNION ALL
      SELECT 'CALLBACK_NOT_SCHEDULED', 'call:' || c."id", c."id", NULL, c."contactId", c."createdAt", c."summary"
        FROM "Call" c
       WHERE c."organizationId" = ${organizationId} AND c."outcome" = 'callback' AND c."createdAt" >= ${since}
         -- Followed up: the rule of followUpsOf (lib/callbacks/follow-ups.ts), which the call's page lists.
         AND NOT EXISTS (SELECT 1 FROM "ScheduledCall" s WHERE s."sourceCallId" = c."id")
         AND NOT EXISTS (SELECT 1 FROM "ScheduledCall" s
                          WHERE s."contactId" = c."contactId" AND c."conversationId" IS NOT NULL
                            AND s."dynamicVariables"->>'previous_conversation_id' = c."conversationId")
      UNION ALL
      SELECT 'FAILED', 'scheduled:' || s."id", s."callId", s."id", s."contactId", coalesce(s."executedAt", s."updatedAt"), s."errorMessage"
        FROM "ScheduledCall" s
       -- A range of ScheduledCall_failed_at_idx (migration attention_failed_index): the window's rows, not every failure ever.
       WHERE s."organizationId" = ${organizationId} AND s."status" = 'FAILED' AND coalesce(s."executedAt", s."updatedAt") >= ${since}
    )
    SELECT i."itemKey", i."kind", i."callId", i."scheduledCallId", i."contactId", i."at", i."detail",
           coalesce(ct."name", k."callerName") AS "who", d."doneAt", coalesce(u."name", d."doneByEmail") AS "doneBy"
      FROM items i
      LEFT JOIN "Contact" ct ON ct."id" = i."contactId"
      LEFT JOIN "Call" k ON k."id" = i."callId"
      LEFT JOIN "AttentionDone" d ON d."organizationId" = ${organizationId} AND d."itemKey" = i."itemKey"
      LEFT JOIN "User" u ON u."id" = d."doneByUserId"`;
}

/** The open items, newest first, and the last few marked done (who, when). */
export async function listAttention(organizationId: string, now = new Date()) {
  const since = new Date(+now - ATTENTION_WINDOW_DAYS * 86_400_000);
  const items = itemsSql(organizationId, since);
  const [open, done] = await Promise.all([
    getDb().$queryRaw<AttentionItem[]>`${items} WHERE d."id" IS NULL ORDER BY i."at" DESC, i."itemKey" LIMIT ${OPEN_SHOWN}`,
    getDb().$queryRaw<AttentionItem[]>`${items} WHERE d."id" IS NOT NULL ORDER BY d."doneAt" DESC, i."itemKey" LIMIT ${DONE_SHOWN}`,
  ]);
  return { open, done };
}
