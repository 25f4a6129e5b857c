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
}

export const DEFAULT_LEASE_MS = 2 * 60_000;

/**
 * Claims up to `limit` due calls of one organization for dispatcher run `runId`, never more than
 * the organization's free concurrency: its limit minus the calls in flight (open Call rows, i.e.
 * dialed with no final event yet, plus rows claimed and about to be dialed).
 *
 * Three statements in one transaction. The first takes a transaction-scoped advisory lock per
 * organization, so claimers of the same clinic take turns (it works through a transaction-mode
 * pooler, unlike a session lock); every later statement starts after the lock is held, so its
 * snapshot sees each earlier claimer's committed rows and the in-flight count cannot race. The
 * second returns to the queue rows whose lease expired before their dial was sent (a run that died
 * after claiming), uncounting their attempt. The third is the claim: one
 * `UPDATE … WHERE id = ANY(ARRAY(SELECT … FOR UPDATE SKIP LOCKED))` that moves the first due
 * PENDING rows, in due order, to IN_PROGRESS with a lease and counts the attempt. (`= ANY(ARRAY())`
 * rather than `IN (…)`: the planner cannot estimate the computed LIMIT and joined the subquery
 * against the whole table.) The due order is indexed (ScheduledCall_pending_due_idx, in the
 * claim_due_index migration), so a claim reads the few rows it takes, whatever the backlog.
 */
export async function claimDueCalls(organizationId: string, options: { runId: string; limit: number; now: Date; leaseMs?: number }): Promise<ClaimedCall[]> {
  const { runId, limit, now } = options;
  if (limit <= 0) return [];
  const leaseUntil = new Date(+now + (options.leaseMs ?? DEFAULT_LEASE_MS));
  const db = getDb();
  const [, , claimed] = await db.$transaction([
    db.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(hashtextextended(${`callboard:dispatch:${organizationId}`}, 0))`,
    db.$executeRaw`
      UPDATE "ScheduledCall"
         SET "status" = 'PENDING', "attempts" = "attempts" - 1, "lockedUntil" = NULL, "lockedBy" = NULL, "updatedAt" = ${now}
       WHERE "organizationId" = ${organizationId} AND "status" = 'IN_PROGRESS' AND "dialStartedAt" IS NULL AND "lockedUntil" <= ${now}`,
    db.$queryRaw<ClaimedCall[]>`
      UPDATE "ScheduledCall" AS s
         SET "status" = 'IN_PROGRESS', "lockedUntil" = ${leaseUntil}, "lockedBy" = ${runId}, "updatedAt" = ${now}, "attempts" = s."attempts" + 1
       WHERE s."id" = ANY(ARRAY(
         SELECT d."id" FROM "ScheduledCall" d
          WHERE d."organizationId" = ${organizationId} AND d."status" = 'PENDING'
            AND coalesce(d."nextAttemptAt", d."scheduledTime") <= ${now}
          ORDER BY coalesce(d."nextAttemptAt", d."scheduledTime"), d."id"
          LIMIT greatest(0, least(${limit}::int,
                  (SELECT o."concurrencyLimit" FROM "Organization" o WHERE o."id" = ${organizationId})
                  - (SELECT count(*) FROM "Call" c WHERE c."organizationId" = ${organizationId} AND c."status" IN ('INITIATED', 'IN_PROGRESS'))
                  - (SELECT count(*) FROM "ScheduledCall" p WHERE p."organizationId" = ${organizationId} AND p."status" = 'IN_PROGRESS'
                        AND p."dialStartedAt" IS NULL AND p."lockedUntil" > ${now})))
          FOR UPDATE SKIP LOCKED))
      RETURNING s."id", s."organizationId", s."contactId", s."agentId", s."fromNumber", s."attempts", s."maxAttempts", s."dynamicVariables"`,
  ]);
  return claimed;
}

/**
 * Organizations with work due now (first due first), so a run can share its dial slots between
 * clinics. Reads only; the claim decides.
 */
export async function findDueOrganizations(now: Date, limit = 100): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ organizationId: string }[]>`
    SELECT "organizationId" FROM (
      SELECT "organizationId", min(coalesce("nextAttemptAt", "scheduledTime")) AS "due" FROM "ScheduledCall"
       WHERE ("status" = 'PENDING' AND ("nextAttemptAt" <= ${now} OR ("nextAttemptAt" IS NULL AND "scheduledTime" <= ${now})))
          OR ("status" = 'IN_PROGRESS' AND "dialStartedAt" IS NULL AND "lockedUntil" <= ${now})
       GROUP BY "organizationId") due
     ORDER BY "due" LIMIT ${limit}`;
  return rows.map((row) => row.organizationId);
}
