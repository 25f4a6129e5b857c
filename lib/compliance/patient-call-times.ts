import { Prisma } from "@/lib/generated/prisma/client";
import type { RawQueryClient } from "@/lib/prisma/raw-query-client";

/**
 * A Call row that may have rung the patient, as the caps count them. A dial ElevenLabs refused (429, 5xx,
 * 422) or never started is FAILED with no conversation: nobody was rung, so its retry is not "another call"
 * (with 1 a day it would otherwise wait until tomorrow). The same test is in `callboard_start_scheduled_attempt`.
 */
export function rangSql(call: "Call" | "k"): Prisma.Sql {
  const table = Prisma.raw(`"${call}"`);
  return Prisma.sql`NOT (${table}."status" = 'FAILED' AND ${table}."conversationId" IS NULL)`;
}

/** How far back a cap looks: the week before a call, and a day's margin for zones. */
export const CAP_LOOKBACK_MS = 8 * 24 * 3_600_000;

/**
 * When each of these patients was dialed since `since`: every outbound Call row counts (answered or
 * not, from a batch, a sequence, a callback, a check-in or "Call now"), except `excludeCallId` (the
 * attempt being checked) and dials that rang nobody (rangSql). With `planned`, their pending scheduled calls due up to `until` count too,
 * so a second batch does not stack calls on a day the first one already fills — except `planned.excludeIds` (the calls
 * being placed again: a reschedule's own call, a check-in's calls that follow its appointment).
 */
export async function loadPatientCallTimes(
  db: RawQueryClient,
  organizationId: string,
  contactIds: readonly string[],
  options: { since: Date; excludeCallId?: string | null; planned?: { until: Date; excludeIds?: readonly string[] } },
): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>();
  if (contactIds.length === 0) return times;
  const ids = [...contactIds];
  const dialed = await db.$queryRaw<{ contactId: string; at: Date }[]>`
    SELECT "contactId", "createdAt" AS "at" FROM "Call"
     WHERE "organizationId" = ${organizationId} AND "contactId" = ANY(${ids}::text[]) AND "direction" = 'OUTBOUND'
       AND "createdAt" >= ${options.since} AND "id" <> ${options.excludeCallId ?? ""} AND ${rangSql("Call")}`;
  const planned = options.planned
    ? await db.$queryRaw<{ contactId: string; at: Date }[]>`
        SELECT "contactId", coalesce("nextAttemptAt", "scheduledTime") AS "at" FROM "ScheduledCall"
         WHERE "organizationId" = ${organizationId} AND "contactId" = ANY(${ids}::text[]) AND "status" = 'PENDING'
           AND coalesce("nextAttemptAt", "scheduledTime") >= ${options.since} AND coalesce("nextAttemptAt", "scheduledTime") <= ${options.planned.until}
           AND NOT ("id" = ANY(${[...(options.planned.excludeIds ?? [])]}::text[]))`
    : [];
  for (const row of [...dialed, ...planned]) {
    const list = times.get(row.contactId);
    if (list) list.push(+row.at);
    else times.set(row.contactId, [+row.at]);
  }
  return times;
}
