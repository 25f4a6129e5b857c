/**
 * Why a pending call waits past its scheduled time (it has a `nextAttemptAt`):
 * - "retry": a dial was made (or refused by ElevenLabs) and the call tries again after the backoff;
 * - "call_limit": the dispatcher held it back right before the dial because the patient's call limits (frequency caps)
 *   leave no room now — it rings at the next time they allow;
 * - "calling_hours": the dispatcher held it back because the clinic's calling hours (or the patient's legal hours) were
 *   closed when it came due — it rings when they open.
 */
export type PendingWait = "retry" | "call_limit" | "calling_hours";

/**
 * How the dispatcher records a call it held back (lib/dispatch/dispatch-claimed-call.ts): PENDING again with
 * `nextAttemptAt` and the claim's attempt given back; for the patient's hours or call limits (`deferOrSkip`) with the
 * sentence "Moved: <why>" — "Moved: it is 07:10 where the patient is …" for hours, "Moved: Mia Patel was already called
 * that day …" for a limit; for the clinic's calling hours with no sentence (the row keeps its last error, if any). The
 * dispatcher keeps no reason word for a deferral, so its sentence is read here, in one place, pinned by
 * tests/unit/scheduling/pending-wait.test.ts (the sentences) and tests/integration/scheduling/pending-wait-label.test.ts
 * (the dispatcher writing them).
 */
const MOVED = "Moved: ";
const MOVED_FOR_HOURS = "Moved: it is ";

/** Why this call is not due at its scheduled time; null when it is (or it is not pending). */
export function pendingWait(call: { status: string; nextAttemptAt: Date | string | null; attempts: number; errorMessage: string | null }): PendingWait | null {
  if (call.status !== "PENDING" || call.nextAttemptAt === null) return null;
  if (call.errorMessage?.startsWith(MOVED)) return call.errorMessage.startsWith(MOVED_FOR_HOURS) ? "calling_hours" : "call_limit";
  // Never dialed yet: not a retry. The only hold the dispatcher writes no sentence for is the clinic's calling hours.
  if (call.attempts === 0) return "calling_hours";
  return "retry";
}

/** The words beside a pending call's time on Scheduling: "retry", "moved · call limit", "waiting for calling hours". */
export const PENDING_WAIT_WORDS: Record<PendingWait, string> = {
  retry: "retry",
  call_limit: "moved · call limit",
  calling_hours: "waiting for calling hours",
};
