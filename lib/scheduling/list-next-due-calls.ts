import { getDb } from "@/lib/db";
import { scheduledCallSelect, toScheduledCallView } from "@/lib/scheduling/scheduled-call-view";

/**
 * The overview's "Scheduled next": the clinic's pending calls in the order the dispatcher takes them — by when each
 * is next due (a retry's time, else its scheduled time) — read from the claim's own index
 * (ScheduledCall_pending_due_idx). Ordering by the scheduled time showed a call retrying tomorrow above today's.
 */
export async function listNextDueCalls(organizationId: string, limit: number) {
  const due = await getDb().$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ScheduledCall"
     WHERE "organizationId" = ${organizationId} AND "status" = 'PENDING'
     ORDER BY coalesce("nextAttemptAt", "scheduledTime"), "id"
     LIMIT ${limit}`;
  const ids = due.map((row) => row.id);
  const rows = await getDb().scheduledCall.findMany({ where: { id: { in: ids }, organizationId }, select: scheduledCallSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => (byId.has(id) ? [toScheduledCallView(byId.get(id)!)] : []));
}
