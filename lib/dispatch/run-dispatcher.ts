import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ElevenLabsClient } from "@/lib/elevenlabs/client";
import { claimDueCalls, type ClaimedCall } from "@/lib/dispatch/claim-due-calls";
import { createRoundClaimer, type RoundClaimer } from "@/lib/dispatch/claim-in-rounds";
import { dispatchClaimedCall, type DispatchOutcome } from "@/lib/dispatch/dispatch-claimed-call";
import { sweepOpenCalls } from "@/lib/dispatch/sweep-open-calls";
import { purgeExpiredTranscripts } from "@/lib/compliance/purge-expired-transcripts";
import { resumeStalledSequences } from "@/lib/scheduling/resume-stalled-sequences";

export const DEFAULT_DIAL_PARALLELISM = 10;

export interface RunOptions {
  client: ElevenLabsClient;
  /** Stop claiming after this long; dials already sent are waited for. */
  budgetMs: number;
  /** Dial requests in flight at once within this run. */
  parallelism?: number;
  /** Only this organization (a refill after one of its calls ended). */
  organizationId?: string;
  /** Sweep calls left open by lost webhooks first (the cron run does; a refill does not). */
  sweep?: boolean;
  now?: () => Date;
}

export interface RunSummary {
  runId: string;
  processed: number;
  succeeded: number;
  failed: number;
  retried: number;
  deferred: number;
  skipped: number;
  unknown: number;
  reconciled: number;
  swept: number;
  /** Calls whose transcript the clinic's retention window deleted in this run (the cron run only). */
  transcriptsPurged: number;
  /** Sequences whose ended step had not moved them on, advanced by this run's safety net. */
  sequencesResumed: number;
  errors: string[];
  /** The time budget ran out with work possibly left (the next run takes it). */
  budgetExhausted: boolean;
  durationMs: number;
}

/**
 * One dispatcher run: sweep, then claim and dial with bounded parallelism until nothing is claimable
 * (nothing due, or every clinic at its concurrency cap) or the time budget is spent. Claims are sized
 * to the free dial slots, so a claimed row is dialed at once and its lease stays short; across clinics
 * they go in turns (claim-in-rounds.ts), so every clinic with due work and a free slot is dialed before
 * any clinic gets a second call. Safe to run many times at once: claims never overlap and every state
 * change is conditional.
 */
export async function runDispatcher(options: RunOptions): Promise<RunSummary> {
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  const deadline = started + options.budgetMs;
  const parallelism = Math.max(1, options.parallelism ?? DEFAULT_DIAL_PARALLELISM);
  const runId = randomUUID();
  const summary: RunSummary = {
    runId,
    processed: 0,
    succeeded: 0,
    failed: 0,
    retried: 0,
    deferred: 0,
    skipped: 0,
    unknown: 0,
    reconciled: 0,
    swept: 0,
    sequencesResumed: 0,
    transcriptsPurged: 0,
    errors: [],
    budgetExhausted: false,
    durationMs: 0,
  };

  if (options.sweep) {
    const swept = await sweepOpenCalls(options.client, { now: now() });
    Object.assign(summary, { reconciled: swept.reconciled, swept: swept.swept });
    summary.errors.push(...swept.errors);
    try {
      summary.sequencesResumed = await resumeStalledSequences(now());
    } catch (error) {
      summary.errors.push(`Resuming sequences: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Retention runs with the cron's sweep (not in a refill), bounded per run.
    try {
      summary.transcriptsPurged = (await purgeExpiredTranscripts({ now: now() })).purged;
    } catch (error) {
      summary.errors.push(`Transcript retention: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const context = { runId, client: options.client, now };

  const active = new Set<Promise<void>>();
  const dispatch = (claimed: ClaimedCall) => {
    const task = dispatchClaimedCall(claimed, context)
      .then((outcome) => count(summary, outcome))
      .catch((error: unknown) => {
        summary.failed += 1;
        summary.errors.push(`Scheduled call ${claimed.id}: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => active.delete(task));
    active.add(task);
  };

  const only = options.organizationId;
  const claim: RoundClaimer = only ? (limit) => claimDueCalls(only, { runId, limit, now: now() }) : createRoundClaimer({ runId, now });
  for (;;) {
    if (Date.now() >= deadline) {
      summary.budgetExhausted = true;
      break;
    }
    const free = parallelism - active.size;
    const claimed = free > 0 ? await claim(free, active.size === 0) : [];
    claimed.forEach(dispatch);
    if (claimed.length === 0) {
      if (active.size === 0) break;
      await Promise.race(active); // a dial finished: its slot (or a webhook's) may be free now
    }
  }
  await Promise.all(active);
  summary.durationMs = Date.now() - started;
  return summary;
}

function count(summary: RunSummary, outcome: DispatchOutcome): void {
  if (outcome === "lost") return;
  summary.processed += 1;
  if (outcome === "dialed") summary.succeeded += 1;
  else if (outcome === "failed") summary.failed += 1;
  else if (outcome === "retry") summary.retried += 1;
  else if (outcome === "deferred") summary.deferred += 1;
  else if (outcome === "skipped") summary.skipped += 1;
  else summary.unknown += 1;
}

/** Records when the cron dispatcher last ran (shown on /scheduling). */
export async function recordHeartbeat(startedAt: Date, summary: RunSummary | null): Promise<void> {
  const data = { lastStartedAt: startedAt, lastFinishedAt: summary ? new Date() : null, lastSummary: (summary ?? {}) as unknown as Prisma.InputJsonValue };
  await getDb().dispatcherHeartbeat.upsert({ where: { id: "cron" }, create: { id: "cron", ...data }, update: data });
}
