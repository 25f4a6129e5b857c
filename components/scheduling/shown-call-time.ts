import type { ScheduledCallOrder } from "@/lib/scheduling/scheduled-call-cursor";

interface TimedCall {
  status: string;
  scheduledTime: Date;
  nextAttemptAt: Date | null;
  dueAt: Date;
}

/**
 * The time a row of the calls table shows, the one its list is sorted by: on the Pending tab ("due") when the call is
 * next due — a retry's time, with its first time beside it; on every other list its scheduled time — with a pending
 * retry's time beside it — so the times read in the list's order.
 */
export function shownCallTime(call: TimedCall, order: ScheduledCallOrder): { at: Date; beside: { words: string; at: Date } | null } {
  const retrying = call.status === "PENDING" && call.nextAttemptAt !== null;
  if (order === "due" && call.status === "PENDING")
    return { at: call.dueAt, beside: retrying ? { words: "retry · first planned", at: call.scheduledTime } : null };
  return { at: call.scheduledTime, beside: retrying ? { words: "retry due", at: call.dueAt } : null };
}
