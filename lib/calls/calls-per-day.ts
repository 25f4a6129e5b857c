import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { getDb } from "@/lib/db";
import { clinicMidnight } from "@/lib/calls/history/call-filters-sql";

/** The chart's series: what calls came to, grouped so 14 bars stay readable. */
export const DAY_SERIES = ["resolved", "callback", "escalated", "voicemail", "not_reached", "other", "in_progress"] as const;
export type DaySeries = (typeof DAY_SERIES)[number];

export type CallsOnDay = { day: string } & Record<DaySeries, number>;

/**
 * Calls per clinic day for the last `days` days (today included), by outcome. Days are cut at the
 * clinic's midnight (`AT TIME ZONE` its IANA zone), so a DST change makes a 23- or 25-hour day, not
 * a call on the wrong day. Days without calls are there with zeros.
 */
export async function callsPerDay(organizationId: string, timeZone: string, now = new Date(), days = 14): Promise<CallsOnDay[]> {
  const today = format(new TZDate(now, timeZone), "yyyy-MM-dd");
  const since = clinicMidnight(today, timeZone, -(days - 1));
  // Grouped by the raw columns first (a few dozen groups), named afterwards: the per-row work is one
  // date_trunc over an index-only scan of Call_overview_idx, not a to_char and a CASE per call.
  const rows = await getDb().$queryRaw<Array<{ day: string; series: DaySeries; count: number }>>`
    SELECT to_char(g."day", 'YYYY-MM-DD') AS "day",
           CASE WHEN g."status" IN ('INITIATED', 'IN_PROGRESS') THEN 'in_progress'
                WHEN g."status" = 'FAILED' OR g."outcome" IN ('no_answer', 'busy', 'failed') THEN 'not_reached'
                WHEN g."outcome" IN ('resolved', 'callback', 'escalated', 'voicemail') THEN g."outcome"
                ELSE 'other' END AS "series",
           g."count"
      FROM (SELECT date_trunc('day', "createdAt" AT TIME ZONE ${timeZone}) AS "day", "status", "outcome", count(*)::int AS "count"
              FROM "Call"
             WHERE "organizationId" = ${organizationId} AND "createdAt" >= ${since.toISOString()}::timestamptz
             GROUP BY 1, 2, 3) g`;
  const byDay = new Map<string, CallsOnDay>();
  for (let i = 0; i < days; i++) {
    const day = format(new TZDate(clinicMidnight(today, timeZone, i - (days - 1)), timeZone), "yyyy-MM-dd");
    byDay.set(day, { day, ...(Object.fromEntries(DAY_SERIES.map((series) => [series, 0])) as Record<DaySeries, number>) });
  }
  for (const row of rows) {
    const entry = byDay.get(row.day);
    if (entry) entry[row.series] += row.count;
  }
  return [...byDay.values()];
}
