import type { StatusCounts } from "@/lib/scheduling/statuses";
import type { BatchAction } from "@/components/scheduling/batch-action-button";

export interface BatchCardState {
  counts: StatusCounts;
  pausedAt: Date | string | null;
  retryBatchId: string | null;
  /** Finished calls that failed or went unanswered (what a retry would call again). */
  unreached: number;
  sequence: { status: string; waitingFor?: { ringing: boolean } | null } | null;
}

/**
 * Which of Pause / Resume / Retry a batch card offers, and how many calls "Cancel pending" would cancel (0: not
 * offered). A running sequence with patients still waiting their turn can be paused even when none is due — its
 * step is on the phone, or it waits for a call back — so the next patient is not called until the resume. The call
 * back a sequence waits on is cancelled with the batch (lib/scheduling/cancel-batch.ts), so it is counted, until it rings.
 */
export function batchCardActions(batch: BatchCardState): { action: BatchAction | null; cancellable: number } {
  const { counts, sequence } = batch;
  const heldCallback = sequence?.status === "RUNNING" && sequence.waitingFor && !sequence.waitingFor.ringing ? 1 : 0;
  const notStarted = counts.PENDING + counts.PAUSED + counts.WAITING;
  const running = notStarted + counts.IN_PROGRESS;
  const sequenceToHold = sequence?.status === "RUNNING" && counts.WAITING > 0;
  const action = batch.pausedAt
    ? "resume"
    : counts.PENDING > 0 || sequenceToHold
      ? "pause"
      : running === 0 && batch.unreached > 0 && !sequence && !batch.retryBatchId
        ? "retry"
        : null;
  return { action, cancellable: notStarted + heldCallback };
}
