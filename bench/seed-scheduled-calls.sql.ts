// SQL that fills an organization's /scheduling list fast (generate_series, one statement each), so the
// bench measures reading, not seeding. Ids are the caller's literals.
import { AGENT_ID, PHONE_NUMBER_ID } from "./organizations";

export const batchIdOf = (organizationId: string, index: number) => `benchbatch_${organizationId}_${index}`;

/** `batches` CallBatch rows named after their index. */
export function seedBatchesSql(organizationId: string, batches: number, perBatch: number): string {
  return `
    INSERT INTO "CallBatch" ("id", "organizationId", "name", "agentId", "fromNumber", "staggerMinutes", "scheduledCount", "skippedCount", "movedCount", "createdAt", "updatedAt")
    SELECT 'benchbatch_${organizationId}_' || b, '${organizationId}', 'Bench batch ' || b, '${AGENT_ID}', '${PHONE_NUMBER_ID}', 2, ${perBatch}, 0, 0, now(), now()
      FROM generate_series(0, ${batches - 1}) AS b`;
}

/**
 * `count` scheduled calls over the organization's contacts (seeded by seedContactsSql with
 * `contacts` rows), two minutes apart, in `batches` consecutive batches. The first 60% lie in the
 * past and are finished — 70% COMPLETED, 20% FAILED, 10% CANCELLED — with the last 20 of them still
 * IN_PROGRESS (dialed, no final event). The rest start tomorrow (never due during the bench): 95%
 * PENDING, 5% CANCELLED.
 */
export function seedScheduledCallsSql(organizationId: string, count: number, contacts: number, batches: number): string {
  const past = Math.floor(count * 0.6);
  const perBatch = Math.ceil(count / batches);
  return `
    INSERT INTO "ScheduledCall" ("id", "organizationId", "contactId", "fromNumber", "agentId", "scheduledTime", "status", "attempts", "maxAttempts",
                                 "batchId", "executedAt", "cancelledAt", "dialStartedAt", "errorMessage", "createdAt", "updatedAt")
    SELECT 'benchsc' || md5('${organizationId}' || g), '${organizationId}', 'bench' || md5('${organizationId}' || (1 + g % ${contacts})),
           '${PHONE_NUMBER_ID}', '${AGENT_ID}', t.at, s.status::"ScheduledCallStatus",
           CASE WHEN s.status IN ('PENDING', 'CANCELLED') THEN 0 ELSE 1 END, 3,
           'benchbatch_${organizationId}_' || ((g - 1) / ${perBatch}),
           CASE WHEN s.status IN ('COMPLETED', 'FAILED') THEN t.at + interval '3 minutes' END,
           CASE WHEN s.status = 'CANCELLED' THEN t.at - interval '1 hour' END,
           CASE WHEN s.status <> 'PENDING' AND s.status <> 'CANCELLED' THEN t.at END,
           CASE WHEN s.status = 'FAILED' THEN 'Nobody answered' END,
           now() - interval '90 days', now()
      FROM generate_series(1, ${count}) AS g
      CROSS JOIN LATERAL (SELECT CASE WHEN g <= ${past} THEN now() - make_interval(mins => (${past} - g + 1) * 2)
                                      ELSE now() + interval '1 day' + make_interval(mins => (g - ${past}) * 2) END AS at) t
      CROSS JOIN LATERAL (SELECT CASE WHEN g > ${past} THEN CASE WHEN g % 20 = 0 THEN 'CANCELLED' ELSE 'PENDING' END
                                      WHEN g > ${past - 20} THEN 'IN_PROGRESS'
                                      WHEN g % 10 < 7 THEN 'COMPLETED' WHEN g % 10 < 9 THEN 'FAILED' ELSE 'CANCELLED' END AS status) s`;
}
