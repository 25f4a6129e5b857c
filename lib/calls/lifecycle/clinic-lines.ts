import type { DbClient } from "@/lib/db";

/**
 * Serialises everything that takes one of a clinic's lines (the dispatcher's claim, "Call now", the test
 * call) for the rest of the transaction: a transaction-scoped advisory lock, so it works through a
 * transaction-mode pooler and is released by commit or rollback.
 */
export async function lockClinicLines(tx: DbClient, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(hashtextextended(${`callboard:dispatch:${organizationId}`}, 0))`;
}

/**
 * The clinic's concurrency cap and the lines in use: open calls (dialed, no final event yet) plus
 * scheduled calls claimed and about to be dialed. Read under lockClinicLines, so the count cannot race.
 */
export async function openLineCount(tx: DbClient, organizationId: string, now: Date): Promise<{ limit: number; open: number }> {
  const [row] = await tx.$queryRaw<Array<{ limit: number; open: number }>>`
    SELECT o."concurrencyLimit" AS "limit",
           ((SELECT count(*) FROM "Call" c WHERE c."organizationId" = o."id" AND c."status" IN ('INITIATED', 'IN_PROGRESS'))
          + (SELECT count(*) FROM "ScheduledCall" p WHERE p."organizationId" = o."id" AND p."status" = 'IN_PROGRESS'
                AND p."dialStartedAt" IS NULL AND p."lockedUntil" > ${now}))::int AS "open"
      FROM "Organization" o WHERE o."id" = ${organizationId}`;
  return row ?? { limit: 0, open: 0 };
}
