import { getDb } from "@/lib/db";

/** What a claim hands the dialer: enough to dial without reading the row again. */
export interface ClaimedCall {
  id: string;
  organizationId: string;
  contactId: string;
  agentId: string;
  fromNumber: string;
  attempts: number;
  maxAttempts: number;
  dynamicVariables: Record<string, string | number | boolean>;
  /** The batch's call script (first message, prompt) sent as the agent override; null: the agent's own. */
  script: { firstMessage: string | null; prompt: string | null } | null;
}

/** How many due calls a claim would like from one clinic (its free slots cut it further). */
export interface ClinicWant {
  organizationId: string;
  count: number;
}

export const DEFAULT_LEASE_MS = 2 * 60_000;

/**
 * Claims up to `limit` due calls of one organization for dispatcher run `runId`, never more than
 * the organization's free concurrency. Waits for the clinic's other claimers (the refill path).
 */
export async function claimDueCalls(organizationId: string, options: { runId: string; limit: number; now: Date; leaseMs?: number }): Promise<ClaimedCall[]> {
  return claimForClinics([{ organizationId, count: options.limit }], { ...options, wait: true });
}

/**
 * Claims due calls of several clinics in one statement (the SQL function `callboard_claim_due_calls`,
 * migration `claim_function`): from each clinic up to its `count`, never more than its free concurrency
 * (its limit minus the calls in flight: open Call rows, i.e. dialed with no final event yet, plus rows
 * claimed and about to be dialed).
 *
 * First a transaction-scoped advisory lock per clinic, so claimers of one clinic take turns (it works
 * through a transaction-mode pooler, unlike a session lock; lib/calls/lifecycle/clinic-lines.ts takes
 * the same one). With `wait: false` a clinic another claimer holds is skipped instead of waited for
 * (that claimer is serving it). The function is volatile, so each later statement takes its snapshot
 * after the locks are held and sees every earlier claimer's committed rows: the in-flight count cannot
 * race. Then (unless `reclaim: false`, when the caller did it fleet-wide) the locked clinics' rows whose
 * lease expired before their dial was sent (a run that died after claiming) go back to the queue, their
 * attempt uncounted. Then the claim: one `UPDATE … WHERE id = ANY(ARRAY(SELECT … FOR UPDATE SKIP
 * LOCKED))` whose subquery takes, per clinic, the first due PENDING rows in due order up to the clinic's
 * free slots (a LATERAL read of ScheduledCall_pending_due_idx, so a claim reads the rows it takes,
 * whatever the backlog), and moves them to IN_PROGRESS with a lease, counting the attempt. (`=
 * ANY(ARRAY())` rather than `IN (…)`: the planner cannot estimate the computed LIMIT and joined the
 * subquery against the whole table.) One round trip instead of four, and a plan PL/pgSQL keeps.
 */
export async function claimForClinics(
  wants: readonly ClinicWant[],
  options: { runId: string; now: Date; leaseMs?: number; wait: boolean; reclaim?: boolean },
): Promise<ClaimedCall[]> {
  const wanted = new Map<string, number>();
  for (const want of wants) if (want.count > 0) wanted.set(want.organizationId, (wanted.get(want.organizationId) ?? 0) + want.count);
  if (wanted.size === 0) return [];
  const { runId, now } = options;
  const leaseUntil = new Date(+now + (options.leaseMs ?? DEFAULT_LEASE_MS));
  // Sorted, so two waiting claimers of the same clinics lock them in the same order (no deadlock).
  const ids = [...wanted.keys()].sort();
  const counts = ids.map((id) => wanted.get(id)!);
  return getDb().$queryRaw<ClaimedCall[]>`
    SELECT * FROM callboard_claim_due_calls(${ids}::text[], ${counts}::int[], ${runId}, ${now}::timestamptz, ${leaseUntil}::timestamptz,
                                            ${options.wait}, ${options.reclaim !== false})`;
}
