import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { encodeScheduledCallCursor, type ScheduledCallCursor } from "@/lib/scheduling/scheduled-call-cursor";
import { scheduledCallSelect, toScheduledCallView } from "@/lib/scheduling/scheduled-call-view";
import type { ListScheduledCallsQuery } from "@/lib/scheduling/schemas";

/**
 * A keyset page of the organization's PENDING calls in the order the dispatcher takes them: by when each is next
 * due (a retry's time, else its scheduled time), then id. The ORDER BY and the row comparison are the expression
 * of the claim's partial index (ScheduledCall_pending_due_idx), so a page seeks to the cursor rather than sorting
 * every pending call of the clinic (checked with EXPLAIN); with a batch, kind or contact filter the planner may sort
 * the rows that match instead.
 */
export async function listPendingCallsByDue(
  organizationId: string,
  query: Omit<ListScheduledCallsQuery, "status" | "cursor">,
  after: ScheduledCallCursor | null,
) {
  const filters = [
    query.batchId ? Prisma.sql`AND "batchId" = ${query.batchId}` : Prisma.empty,
    query.kind ? Prisma.sql`AND "kind" = ${query.kind}::"ScheduledCallKind"` : Prisma.empty,
    query.contactId ? Prisma.sql`AND "contactId" = ${query.contactId}` : Prisma.empty,
    after ? Prisma.sql`AND (coalesce("nextAttemptAt", "scheduledTime"), "id") > (${after.t}::timestamptz, ${after.id})` : Prisma.empty,
  ];
  const due = await getDb().$queryRaw<{ id: string; dueAt: Date }[]>`
    SELECT "id", coalesce("nextAttemptAt", "scheduledTime") AS "dueAt" FROM "ScheduledCall"
     WHERE "organizationId" = ${organizationId} AND "status" = 'PENDING' ${Prisma.join(filters, " ")}
     ORDER BY coalesce("nextAttemptAt", "scheduledTime"), "id"
     LIMIT ${query.limit + 1}`;
  const page = due.slice(0, query.limit);
  const rows = await getDb().scheduledCall.findMany({ where: { id: { in: page.map((row) => row.id) }, organizationId }, select: scheduledCallSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const last = page.at(-1);
  return {
    // A row gone between the two reads (deleted with its contact) is left out; the cursor still follows the first.
    scheduledCalls: page.flatMap(({ id }) => (byId.has(id) ? [toScheduledCallView(byId.get(id)!)] : [])),
    nextCursor: due.length > query.limit && last ? encodeScheduledCallCursor({ t: last.dueAt.toISOString(), id: last.id, o: "due" }) : null,
  };
}
