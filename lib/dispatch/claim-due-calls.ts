import { Prisma } from "@/lib/generated/prisma/client";
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

/** The advisory lock every claimer of one clinic takes, so the clinic's in-flight count cannot race. */
const lockKey = Prisma.sql`hashtextextended('callboard:dispatch:' || "organizationId", 0)`;

/**
 * Claims up to `limit` due calls of one organization for dispatcher run `runId`, never more than
 * the organization's free concurrency. Waits for the clinic's other claimers (the refill path).
 */
export async function claimDueCalls(organizationId: string, options: { runId: string; limit: number; now: Date; leaseMs?: number }): Promise<ClaimedCall[]> {
  return claimForClinics([{ organizationId, count: options.limit }], { ...options, wait: true });
}

/**
 * Claims due calls of several clinics in one short transaction: from each clinic up to its `count`,
 * never more than its free concurrency (its limit minus the calls in flight: open Call rows, i.e.
 * dialed with no final event yet, plus rows claimed and about to be dialed).
 *
 * First a transaction-scoped advisory lock per clinic, so claimers of one clinic take turns (it works
 * through a transaction-mode pooler, unlike a session lock). With `wait: false` a clinic another
 * claimer holds is skipped instead of waited for (that claimer is serving it). Every later statement
 * starts after the locks are held, so its snapshot sees each earlier claimer's committed rows and the
 * in-flight count cannot race. Then (unless `reclaim: false`, when the caller did it fleet-wide) the
 * locked clinics' rows whose lease expired before their dial was sent (a run that died after claiming)
 * go back to the queue, their attempt uncounted. Then the claim:
 * one `UPDATE … WHERE id = ANY(ARRAY(SELECT … FOR UPDATE SKIP LOCKED))` whose subquery takes, per
 * clinic, the first due PENDING rows in due order up to the clinic's free slots (a LATERAL read of
 * ScheduledCall_pending_due_idx, so a claim reads the rows it takes, whatever the backlog), and moves
 * them to IN_PROGRESS with a lease, counting the attempt. (`= ANY(ARRAY())` rather than `IN (…)`: the
 * planner cannot estimate the computed LIMIT and joined the subquery against the whole table.)
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

  return getDb().$transaction(async (tx) => {
    const locked = options.wait
      ? await tx.$queryRaw<{ organizationId: string }[]>`
          SELECT "organizationId" FROM unnest(${ids}::text[]) WITH ORDINALITY AS w("organizationId", "n"), LATERAL pg_advisory_xact_lock(${lockKey}) ORDER BY "n"`
      : await tx.$queryRaw<{ organizationId: string }[]>`
          SELECT "organizationId" FROM unnest(${ids}::text[]) AS w("organizationId") WHERE pg_try_advisory_xact_lock(${lockKey})`;
    if (locked.length === 0) return [];
    const lockedIds = locked.map((row) => row.organizationId);
    const lockedCounts = lockedIds.map((id) => counts[ids.indexOf(id)]!);

    if (options.reclaim !== false)
      await tx.$executeRaw`
      UPDATE "ScheduledCall"
         SET "status" = 'PENDING', "attempts" = "attempts" - 1, "lockedUntil" = NULL, "lockedBy" = NULL, "updatedAt" = ${now}
       WHERE "organizationId" = ANY(${lockedIds}::text[]) AND "status" = 'IN_PROGRESS' AND "dialStartedAt" IS NULL AND "lockedUntil" <= ${now}`;
    return tx.$queryRaw<ClaimedCall[]>`
      UPDATE "ScheduledCall" AS s
         SET "status" = 'IN_PROGRESS', "lockedUntil" = ${leaseUntil}, "lockedBy" = ${runId}, "updatedAt" = ${now}, "attempts" = s."attempts" + 1
       WHERE s."id" = ANY(ARRAY(
         SELECT d."id"
           FROM unnest(${lockedIds}::text[], ${lockedCounts}::int[]) AS w("organizationId", "count")
           JOIN "Organization" o ON o."id" = w."organizationId"
           CROSS JOIN LATERAL (
             SELECT d."id" FROM "ScheduledCall" d
              WHERE d."organizationId" = w."organizationId" AND d."status" = 'PENDING'
                AND coalesce(d."nextAttemptAt", d."scheduledTime") <= ${now}
                -- A row that came back to PENDING (a retry, a lease) while its batch is paused waits for the resume.
                AND (d."batchId" IS NULL OR NOT EXISTS (SELECT 1 FROM "CallBatch" b WHERE b."id" = d."batchId" AND b."pausedAt" IS NOT NULL))
              ORDER BY coalesce(d."nextAttemptAt", d."scheduledTime"), d."id"
              LIMIT greatest(0, least(w."count",
                      o."concurrencyLimit"
                      - (SELECT count(*) FROM "Call" c WHERE c."organizationId" = w."organizationId" AND c."status" IN ('INITIATED', 'IN_PROGRESS'))
                      - (SELECT count(*) FROM "ScheduledCall" p WHERE p."organizationId" = w."organizationId" AND p."status" = 'IN_PROGRESS'
                            AND p."dialStartedAt" IS NULL AND p."lockedUntil" > ${now})))
              FOR UPDATE SKIP LOCKED) d))
      RETURNING s."id", s."organizationId", s."contactId", s."agentId", s."fromNumber", s."attempts", s."maxAttempts", s."dynamicVariables",
                (SELECT jsonb_build_object('firstMessage', b."scriptFirstMessage", 'prompt', b."scriptPrompt") FROM "CallBatch" b
                  WHERE b."id" = s."batchId" AND (b."scriptFirstMessage" IS NOT NULL OR b."scriptPrompt" IS NOT NULL)) AS "script"`;
  });
}
