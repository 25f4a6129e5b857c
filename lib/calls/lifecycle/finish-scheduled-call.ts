import type { DbClient } from "@/lib/db";
import { retryOrFail } from "@/lib/calls/lifecycle/retry-or-fail";
import { advanceSequenceOfStep } from "@/lib/scheduling/advance-sequence";

/** What the end of an attempt means for the scheduled call it belongs to. */
export type AttemptEnd = { kind: "connected"; outcome: string | null } | { kind: "not_connected"; reason: string };

const VOICEMAIL = new Set(["voicemail", "voice_mail", "answering_machine"]);

/** A connected call that reached a machine: the clinic may want it retried. */
export function isVoicemail(outcome: string | null): boolean {
  return outcome !== null && VOICEMAIL.has(outcome.toLowerCase());
}

/**
 * Finishes (or re-queues) the scheduled call of an attempt that just ended: a conversation completes
 * it; busy / no answer — and voicemail when the clinic wants those retried — go back to PENDING with
 * backoff inside calling hours until attempts run out. Runs in the caller's transaction, after the
 * Call row changed, so a duplicate event (which changes no Call) never gets here.
 */
export async function finishScheduledCall(db: DbClient, attempt: { callId: string; scheduledCallId: string | null }, end: AttemptEnd, now = new Date()) {
  if (!attempt.scheduledCallId) return null;
  if (end.kind === "connected") {
    if (isVoicemail(end.outcome)) {
      const rules = await db.scheduledCall.findUnique({
        where: { id: attempt.scheduledCallId },
        select: { organization: { select: { retryVoicemail: true } } },
      });
      if (rules?.organization.retryVoicemail) {
        return retryOrFail(db, { scheduledCallId: attempt.scheduledCallId, callId: attempt.callId, kind: "not_connected", reason: "Reached voicemail", now });
      }
    }
    const { count } = await db.scheduledCall.updateMany({
      where: { id: attempt.scheduledCallId, status: "IN_PROGRESS", callId: attempt.callId },
      data: { status: "COMPLETED", executedAt: now, lockedUntil: null, lockedBy: null, errorMessage: null },
    });
    if (count === 0) return { state: "unchanged" as const };
    await advanceSequenceOfStep(db, attempt.scheduledCallId, now);
    return { state: "completed" as const };
  }
  const reason =
    end.reason === "busy"
      ? "The line was busy"
      : end.reason === "no-answer" || end.reason === "no_answer"
        ? "Nobody answered"
        : `Not connected (${end.reason})`;
  return retryOrFail(db, { scheduledCallId: attempt.scheduledCallId, callId: attempt.callId, kind: "not_connected", reason, now });
}
