import { getDb } from "@/lib/db";
import { recordAuditEvent } from "@/lib/compliance/record-audit-event";

/** Calls purged in one cron run at most: the rest wait for the next minute's run. */
export const RETENTION_BATCH = 500;

export interface PurgeResult {
  /** Calls whose transcript, analysis or dynamic variables were deleted in this run. */
  purged: number;
}

/**
 * Retention: deletes the transcript, analysis and dynamic variables of finished calls older than their
 * clinic's `transcriptRetentionDays` (the call row, its summary and outcome stay), oldest first, at most
 * `limit` calls a run. Each call is marked `transcriptPurgedAt` (those that had nothing to delete too,
 * so the next run does not read them again). Rows another run holds are skipped, never waited for. One
 * audit entry per clinic that lost any, with the count.
 */
export async function purgeExpiredTranscripts(options: { now: Date; limit?: number }): Promise<PurgeResult> {
  const limit = options.limit ?? RETENTION_BATCH;
  const db = getDb();
  const rows = await db.$queryRaw<Array<{ organizationId: string; retentionDays: number; purged: number }>>`
    WITH due AS (
      SELECT c."id", o."transcriptRetentionDays" AS "retentionDays", c."hadContent"
        FROM "Organization" o
        CROSS JOIN LATERAL (
          SELECT k."id", (k."transcript" IS NOT NULL OR k."analysis" IS NOT NULL OR k."dynamicVariables" IS NOT NULL) AS "hadContent"
            FROM "Call" k
           WHERE k."organizationId" = o."id" AND k."transcriptPurgedAt" IS NULL
             AND k."createdAt" < ${options.now}::timestamptz - make_interval(days => o."transcriptRetentionDays")
             AND k."status" IN ('COMPLETED', 'FAILED')
           ORDER BY k."createdAt"
           LIMIT ${limit}
           FOR UPDATE SKIP LOCKED) c
       LIMIT ${limit}
    ), purged AS (
      UPDATE "Call" k SET "transcript" = NULL, "analysis" = NULL, "dynamicVariables" = NULL, "transcriptPurgedAt" = ${options.now}, "updatedAt" = now()
        FROM due d
       WHERE k."id" = d."id"
      RETURNING k."organizationId", d."retentionDays", d."hadContent"
    )
    SELECT "organizationId", "retentionDays", (count(*) FILTER (WHERE "hadContent"))::int AS "purged"
      FROM purged GROUP BY 1, 2`;
  let purged = 0;
  for (const row of rows) {
    if (row.purged === 0) continue;
    purged += row.purged;
    await recordAuditEvent(db, {
      organizationId: row.organizationId,
      action: "TRANSCRIPTS_PURGED",
      actor: null,
      targetType: "calls",
      data: { count: row.purged, retentionDays: row.retentionDays },
    });
  }
  return { purged };
}
