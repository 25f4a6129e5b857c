import { getDb } from "@/lib/db";

/** One clinic in a dispatch round: how many of its due calls fit its free slots right now. */
export interface PlannedClinic {
  organizationId: string;
  slots: number;
  /** Its longest-waiting due call: the plan lists the clinic waiting longest first. */
  firstDue: Date;
}

/** A round takes at most this many calls of one clinic; the next round looks again. */
export const ROUND_SLOTS_PER_CLINIC = 100;

/**
 * The clinics a run should serve now: due work and free concurrency, with how many calls each can
 * take. Capped clinics are left out here, so they cost a round three index probes and never hide the
 * others (the old "100 oldest clinics with due work" list could be all capped). Reads only — the
 * claim re-counts each clinic's free slots under its lock, so a stale plan claims less, never more.
 *
 * Rows whose lease expired before their dial was sent (a run that died after claiming) are first
 * returned to the queue, fleet-wide, so their clinics count as having due work.
 */
export async function planDispatchRound(now: Date, slotsPerClinic = ROUND_SLOTS_PER_CLINIC): Promise<PlannedClinic[]> {
  const db = getDb();
  await db.$executeRaw`
    UPDATE "ScheduledCall"
       SET "status" = 'PENDING', "attempts" = "attempts" - 1, "lockedUntil" = NULL, "lockedBy" = NULL, "updatedAt" = ${now}
     WHERE "status" = 'IN_PROGRESS' AND "dialStartedAt" IS NULL AND "lockedUntil" <= ${now}`;
  // The fence (OFFSET 0) keeps the cheap "has due work" probe ahead of the in-flight counts.
  return db.$queryRaw<PlannedClinic[]>`
    SELECT o."id" AS "organizationId", due."slots"::int AS "slots", due."firstDue"
      FROM (SELECT o."id", o."concurrencyLimit" FROM "Organization" o
             WHERE EXISTS (SELECT 1 FROM "ScheduledCall" e
                            WHERE e."organizationId" = o."id" AND e."status" = 'PENDING' AND coalesce(e."nextAttemptAt", e."scheduledTime") <= ${now})
            OFFSET 0) o
     CROSS JOIN LATERAL (
       SELECT count(*) AS "slots", min(d."due") AS "firstDue" FROM (
         SELECT coalesce(d."nextAttemptAt", d."scheduledTime") AS "due" FROM "ScheduledCall" d
          WHERE d."organizationId" = o."id" AND d."status" = 'PENDING' AND coalesce(d."nextAttemptAt", d."scheduledTime") <= ${now}
          ORDER BY coalesce(d."nextAttemptAt", d."scheduledTime"), d."id"
          LIMIT greatest(0, least(${slotsPerClinic}::int,
                  o."concurrencyLimit"
                  - (SELECT count(*) FROM "Call" c WHERE c."organizationId" = o."id" AND c."status" IN ('INITIATED', 'IN_PROGRESS'))
                  - (SELECT count(*) FROM "ScheduledCall" p WHERE p."organizationId" = o."id" AND p."status" = 'IN_PROGRESS'
                        AND p."dialStartedAt" IS NULL AND p."lockedUntil" > ${now})))) d) due
     WHERE due."slots" > 0
     ORDER BY due."firstDue", o."id"`;
}

/**
 * The order a round hands out dial slots: every clinic's first call (in the plan's order), then
 * every second call of the clinics with two or more free slots, and so on. A clinic with many
 * free slots gets more calls per round, but after everyone else's first — it cannot take a whole run.
 */
export function roundRobin(plan: readonly PlannedClinic[]): string[] {
  const order: string[] = [];
  for (let turn = 0; ; turn++) {
    const before = order.length;
    for (const clinic of plan) if (clinic.slots > turn) order.push(clinic.organizationId);
    if (order.length === before) return order;
  }
}
