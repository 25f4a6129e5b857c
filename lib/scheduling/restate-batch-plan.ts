import type { DbClient } from "@/lib/db";

/**
 * The batch's span and moved count (what its card shows) recomputed from its calls as they stand after a resume
 * re-planned them, a cancel took the rest away or staff rescheduled one, so they no longer describe the first plan:
 * the calls still to come or already made, not the cancelled ones (a patient skipped at the resume keeps its old time)
 * nor a sequence's waiting steps (placeholders). The span starts at the batch's first dial when it had one: a call
 * dialed before the pause and now re-planned for its retry no longer holds that time. A sequence keeps no last
 * time, as when it was scheduled. A batch with no such call left (all cancelled) keeps its span and counts. Which
 * calls a cap moved is not kept per call, so cappedCount ("of movedCount") is bounded by the moved calls whose time
 * no one re-planned since: after a resume (which re-plans without the caps) those made or on the phone; after a
 * reschedule (`rescheduled`, a time staff picked) every moved call but that one — plus that one when the patient's call
 * limits moved it from the time staff picked (`capped`).
 */
export async function restateBatchPlan(
  tx: DbClient,
  organizationId: string,
  batchId: string,
  now: Date,
  rescheduled: { id: string; capped: boolean } | null = null,
) {
  const rescheduledId = rescheduled?.id ?? null;
  const cappedNow = rescheduled?.capped ? 1 : 0;
  await tx.$executeRaw`
    UPDATE "CallBatch" b
       SET "firstCallAt" = coalesce(least(s."first", d."firstDial"), b."firstCallAt"),
           "lastCallAt" = CASE WHEN b."mode" = 'SEQUENCE' THEN b."lastCallAt" ELSE coalesce(s."last", b."lastCallAt") END,
           "movedCount" = CASE WHEN s."first" IS NULL THEN b."movedCount" ELSE s."moved" END,
           "cappedCount" = CASE WHEN s."first" IS NULL THEN b."cappedCount" ELSE least(b."cappedCount", s."movedKept") + ${cappedNow}::int END, "updatedAt" = ${now}
      FROM (SELECT min("scheduledTime") AS "first", max("scheduledTime") AS "last", count(*) FILTER (WHERE "requestedTime" IS NOT NULL)::int AS "moved",
                   count(*) FILTER (WHERE "requestedTime" IS NOT NULL AND CASE WHEN ${rescheduledId}::text IS NULL
                                    THEN "status" IN ('IN_PROGRESS', 'COMPLETED', 'FAILED') ELSE "id" <> ${rescheduledId}::text END)::int AS "movedKept"
              FROM "ScheduledCall"
             WHERE "organizationId" = ${organizationId} AND "batchId" = ${batchId} AND "status" NOT IN ('CANCELLED', 'WAITING')) s,
           (SELECT min(k."createdAt") AS "firstDial"
              FROM "Call" k JOIN "ScheduledCall" c ON c."id" = k."scheduledCallId"
             WHERE c."organizationId" = ${organizationId} AND c."batchId" = ${batchId} AND k."organizationId" = ${organizationId}) d
     WHERE b."id" = ${batchId} AND b."organizationId" = ${organizationId}`;
}
