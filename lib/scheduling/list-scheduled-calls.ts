import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ScheduledCallStatus } from "@/lib/generated/prisma/enums";
import { listPendingCallsByDue } from "@/lib/scheduling/list-pending-calls-by-due";
import { decodeScheduledCallCursor, encodeScheduledCallCursor, type ScheduledCallOrder } from "@/lib/scheduling/scheduled-call-cursor";
import { scheduledCallSelect, toScheduledCallView } from "@/lib/scheduling/scheduled-call-view";
import type { ListScheduledCallsQuery } from "@/lib/scheduling/schemas";
import { SCHEDULED_CALL_STATUSES, STATUS_COUNT_CAP, toCounts } from "@/lib/scheduling/statuses";

/**
 * Pending calls read by when each is next due, as the dispatcher takes them (a call retrying tomorrow after today's);
 * other calls still to come soonest first; finished ones newest first, and so is every status together ("All"), by
 * scheduled time: its first page holds the latest and coming calls, not the clinic's oldest.
 */
export function listOrder(status: ScheduledCallStatus | undefined): ScheduledCallOrder {
  if (status === "PENDING") return "due";
  return status === undefined || status === "COMPLETED" || status === "FAILED" || status === "CANCELLED" ? "desc" : "asc";
}

/**
 * A keyset page of the organization's scheduled calls (optionally one status, batch, kind or contact) by
 * (scheduledTime, id) — pending ones by (due time, id) — with how many calls each status has under the same batch filter.
 */
export async function listScheduledCalls(organizationId: string, query: ListScheduledCallsQuery) {
  const [page, counts] = await Promise.all([listScheduledCallsPage(organizationId, query), countScheduledCallsByStatus(organizationId, query)]);
  return { ...page, counts };
}

/**
 * The page alone, for a reader that shows no counts: the counts read every scheduled call the clinic ever had,
 * the page only its rows.
 */
export async function listScheduledCallsPage(organizationId: string, query: ListScheduledCallsQuery) {
  const order = listOrder(query.status);
  const cursor = query.cursor ? decodeScheduledCallCursor(query.cursor, order) : null;
  if (order === "due") return listPendingCallsByDue(organizationId, query, cursor);
  const after = order === "asc" ? "gt" : "lt";
  const from = order === "asc" ? "gte" : "lte";
  const where: Prisma.ScheduledCallWhereInput = {
    organizationId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.batchId ? { batchId: query.batchId } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.contactId ? { contactId: query.contactId } : {}),
    // The plain bound lets PostgreSQL seek the index to the cursor; the OR then settles ties on id.
    ...(cursor
      ? {
          scheduledTime: { [from]: new Date(cursor.t) },
          OR: [{ scheduledTime: { [after]: new Date(cursor.t) } }, { scheduledTime: new Date(cursor.t), id: { [after]: cursor.id } }],
        }
      : {}),
  };
  const rows = await getDb().scheduledCall.findMany({
    where,
    orderBy: [{ scheduledTime: order }, { id: order }],
    take: query.limit + 1,
    select: scheduledCallSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    scheduledCalls: page.map(toScheduledCallView),
    nextCursor: rows.length > query.limit && last ? encodeScheduledCallCursor({ t: last.scheduledTime.toISOString(), id: last.id, o: order }) : null,
  };
}

/**
 * How many calls each status has under the list's batch, kind and contact filters, each counted up to
 * STATUS_COUNT_CAP + 1 (shown "10,000+"): a status walks its own index range and stops there, where an
 * exact count read every scheduled call the clinic ever had (~0.7 s at a million, on every view).
 */
async function countScheduledCallsByStatus(organizationId: string, query: ListScheduledCallsQuery) {
  const rows = await getDb().$queryRaw<{ status: ScheduledCallStatus; count: number }[]>`
    SELECT s."status", (
      SELECT count(*)::int FROM (
        SELECT 1 FROM "ScheduledCall" c
         WHERE c."organizationId" = ${organizationId} AND c."status" = s."status"
           AND (${query.batchId ?? null}::text IS NULL OR c."batchId" = ${query.batchId ?? null})
           AND (${query.kind ?? null}::text IS NULL OR c."kind"::text = ${query.kind ?? null})
           AND (${query.contactId ?? null}::text IS NULL OR c."contactId" = ${query.contactId ?? null})
         LIMIT ${STATUS_COUNT_CAP + 1}) shown) AS "count"
      FROM unnest(${[...SCHEDULED_CALL_STATUSES]}::"ScheduledCallStatus"[]) AS s("status")`;
  return toCounts(rows);
}
