import type { ScheduledCallOrder } from "@/lib/scheduling/scheduled-call-cursor";
import { PENDING_WAIT_WORDS, type PendingWait } from "@/lib/scheduling/pending-wait";

interface TimedCall {
  status: string;
  scheduledTime: Date;
  dueAt: Date;
  /** Why a pending call is due later than scheduled (lib/scheduling/pending-wait.ts); null when it is not. */
  waitingFor: PendingWait | null;
}

/** Beside the scheduled time on a list by scheduled time: when a waiting call is now due. */
const DUE_WORDS: Record<PendingWait, string> = {
  retry: "retry due",
  call_limit: `${PENDING_WAIT_WORDS.call_limit} · due`,
  calling_hours: `${PENDING_WAIT_WORDS.calling_hours} · due`,
};

/**
 * The time a row of the calls table shows, the one its list is sorted by: on the Pending tab ("due") when the call is
 * next due — a retry's time, or the time the dispatcher held it to — with its first time beside it; on every other list
 * its scheduled time — with a pending call's later due time beside it — so the times read in the list's order. The words
 * say why it waits: a "retry", "moved · call limit" (the patient's call limits), "waiting for calling hours".
 */
export function shownCallTime(call: TimedCall, order: ScheduledCallOrder): { at: Date; beside: { words: string; at: Date } | null } {
  const waiting = call.status === "PENDING" ? call.waitingFor : null;
  if (order === "due" && call.status === "PENDING")
    return { at: call.dueAt, beside: waiting ? { words: `${PENDING_WAIT_WORDS[waiting]} · first planned`, at: call.scheduledTime } : null };
  return { at: call.scheduledTime, beside: waiting ? { words: DUE_WORDS[waiting], at: call.dueAt } : null };
}

/** What the "Next attempt" column puts before a waiting pending call's relative time: "Retry in 2 hours", "Call limit: in 18 hours". */
export function nextAttemptWords(waitingFor: PendingWait | null): string | null {
  if (waitingFor === "retry") return "Retry";
  if (waitingFor === "call_limit") return "Call limit:";
  if (waitingFor === "calling_hours") return "Calling hours:";
  return null;
}
