import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** Why a finished call of a batch did not reach anyone, in words staff read on /scheduling. */
export const FAILURE_REASONS = {
  no_answer: "No answer",
  busy: "Line busy",
  voicemail: "Voicemail",
  provider: "Refused by ElevenLabs",
  not_dialed: "Not dialed (number, calling hours or line)",
  other: "Other",
} as const;
export type FailureReason = keyof typeof FAILURE_REASONS;

export interface BatchResults {
  /** Calls that finished (completed or failed): the base of the rates. */
  finished: number;
  answered: number;
  booked: number;
  voicemail: number;
  /** Shares of `finished`, 0–1; null before any call finished. */
  answeredRate: number | null;
  bookedRate: number | null;
  voicemailRate: number | null;
  /** Failed and unanswered calls by reason, largest first. */
  failures: Array<{ reason: FailureReason; label: string; count: number }>;
}

interface Row {
  batchId: string;
  finished: number;
  answered: number;
  booked: number;
  voicemail: number;
  reason: FailureReason | null;
  count: number;
}

/**
 * Each batch's results from its calls' latest attempts, in one grouped query: answered (picked up by a
 * person — a voicemail completes but nobody answered, as on the overview), booked (resolved about
 * scheduling), voicemail, and the failed or unanswered ones by reason.
 */
export async function batchResults(organizationId: string, batchIds: readonly string[]): Promise<Map<string, BatchResults>> {
  const rows = batchIds.length
    ? await getDb().$queryRaw<Row[]>`
        WITH ended AS (
          SELECT s."batchId", s."status", s."callId", k."status" AS "callStatus", k."outcome", k."intent"
            FROM "ScheduledCall" s LEFT JOIN "Call" k ON k."id" = s."callId"
           WHERE s."organizationId" = ${organizationId} AND s."batchId" = ANY(${[...batchIds]}::text[]) AND s."status" IN ('COMPLETED', 'FAILED')
        ), classified AS (
          SELECT *, CASE
              WHEN "outcome" IN ('no_answer', 'busy', 'voicemail') AND ("status" = 'FAILED' OR "outcome" = 'voicemail' OR "callStatus" = 'FAILED') THEN "outcome"
              WHEN "status" = 'COMPLETED' THEN NULL
              WHEN "callId" IS NULL THEN 'not_dialed'
              WHEN "callStatus" = 'FAILED' THEN 'provider'
              ELSE 'other' END AS "reason"
            FROM ended
        )
        SELECT "batchId", "reason", count(*)::int AS "count",
               sum(count(*)) OVER (PARTITION BY "batchId")::int AS "finished",
               sum(count(*) FILTER (WHERE "status" = 'COMPLETED' AND "callStatus" = 'COMPLETED' AND "outcome" IS DISTINCT FROM 'voicemail')) OVER (PARTITION BY "batchId")::int AS "answered",
               sum(count(*) FILTER (WHERE "outcome" = 'resolved' AND "intent" = 'scheduling')) OVER (PARTITION BY "batchId")::int AS "booked",
               sum(count(*) FILTER (WHERE "outcome" = 'voicemail')) OVER (PARTITION BY "batchId")::int AS "voicemail"
          FROM classified GROUP BY "batchId", "reason"`
    : [];
  const results = new Map<string, BatchResults>(batchIds.map((id) => [id, emptyResults()]));
  for (const row of rows) {
    const result = results.get(row.batchId)!;
    Object.assign(result, { finished: row.finished, answered: row.answered, booked: row.booked, voicemail: row.voicemail });
    if (row.reason) result.failures.push({ reason: row.reason, label: FAILURE_REASONS[row.reason], count: row.count });
  }
  for (const result of results.values()) {
    const rate = (n: number) => (result.finished === 0 ? null : n / result.finished);
    result.answeredRate = rate(result.answered);
    result.bookedRate = rate(result.booked);
    result.voicemailRate = rate(result.voicemail);
    result.failures.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  }
  return results;
}

function emptyResults(): BatchResults {
  return { finished: 0, answered: 0, booked: 0, voicemail: 0, answeredRate: null, bookedRate: null, voicemailRate: null, failures: [] };
}

/** One batch's results (GET /api/call-batches/{id}/results); another clinic's batch is a 404. */
export async function getBatchResults(organizationId: string, batchId: string) {
  const batch = await getDb().callBatch.findFirst({ where: { id: batchId, organizationId }, select: { id: true } });
  if (!batch) throw notFound("Batch");
  return { batchId, results: (await batchResults(organizationId, [batchId])).get(batchId)! };
}
