import { listPendingCallsByDue } from "@/lib/scheduling/list-pending-calls-by-due";

/**
 * The overview's "Scheduled next": the first of the Pending tab's order — the clinic's pending calls as the dispatcher
 * takes them, by when each is next due (a retry's time, else its scheduled time). Ordering by the scheduled time
 * showed a call retrying tomorrow above today's.
 */
export async function listNextDueCalls(organizationId: string, limit: number) {
  return (await listPendingCallsByDue(organizationId, { limit }, null)).scheduledCalls;
}
