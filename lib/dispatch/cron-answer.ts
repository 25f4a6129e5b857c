import type { RunSummary } from "@/lib/dispatch/run-dispatcher";

/** The cron route's answer: the shape existing clients read, plus what else the run did. */
export function toCronAnswer(summary: RunSummary) {
  return {
    success: summary.errors.length === 0,
    message: `Processed ${summary.processed} scheduled call(s)`,
    results: { processed: summary.processed, succeeded: summary.succeeded, failed: summary.failed, errors: summary.errors.slice(0, 50) },
    retried: summary.retried,
    deferred: summary.deferred,
    skipped: summary.skipped,
    unknownOutcome: summary.unknown,
    reconciled: summary.reconciled,
    swept: summary.swept,
    transcriptsPurged: summary.transcriptsPurged,
    sequencesResumed: summary.sequencesResumed,
    budgetExhausted: summary.budgetExhausted,
    durationMs: summary.durationMs,
    runId: summary.runId,
  };
}
