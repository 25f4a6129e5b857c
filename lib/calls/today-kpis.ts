import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import { getDb } from "@/lib/db";

/** Midnight of `now`'s day in the clinic's zone, as an instant ("today" is the clinic's, not the server's). */
export function clinicDayStart(now: Date, timeZone: string): Date {
  return new Date(startOfDay(new TZDate(now, timeZone)).getTime());
}

export interface TodayKpis {
  since: Date;
  callsToday: number;
  /** Of callsToday, the ones the clinic placed and the ones patients placed (inbound calls count as calls too). */
  outbound: number;
  inbound: number;
  /** Picked up by a person: a voicemail also "completes" but nobody answered. */
  answered: number;
  /** Resolved calls about scheduling: the agent booked a visit. */
  appointmentsBooked: number;
  escalations: number;
  /** Answered calls that succeeded, 0–1; null before anyone answered today. */
  successRate: number | null;
  scheduled: number;
}

/**
 * The overview's headline numbers for the clinic's current day, counted in one pass over today's
 * calls. A call succeeded when ElevenLabs' evaluation says so, or — without one — when it resolved.
 */
export async function todayKpis(organizationId: string, timeZone: string, now = new Date()): Promise<TodayKpis> {
  const since = clinicDayStart(now, timeZone);
  // The next clinic midnight, by calendar day in the zone: 23 or 25 hours away across a DST change.
  const until = new Date(startOfDay(addDays(new TZDate(now, timeZone), 1)).getTime());
  const db = getDb();
  const [[counts], scheduled] = await Promise.all([
    db.$queryRaw<Array<Omit<TodayKpis, "since" | "successRate" | "scheduled"> & { successful: number }>>`
      SELECT count(*)::int AS "callsToday",
             count(*) FILTER (WHERE "direction" = 'OUTBOUND')::int AS "outbound",
             count(*) FILTER (WHERE "direction" = 'INBOUND')::int AS "inbound",
             count(*) FILTER (WHERE "status" = 'COMPLETED' AND "outcome" IS DISTINCT FROM 'voicemail')::int AS "answered",
             count(*) FILTER (WHERE "outcome" = 'resolved' AND "intent" = 'scheduling')::int AS "appointmentsBooked",
             count(*) FILTER (WHERE "outcome" = 'escalated')::int AS "escalations",
             count(*) FILTER (WHERE "status" = 'COMPLETED' AND "outcome" IS DISTINCT FROM 'voicemail'
                               AND ("callSuccessful" = 'success' OR ("callSuccessful" IS NULL AND "outcome" = 'resolved')))::int AS "successful"
        FROM "Call" WHERE "organizationId" = ${organizationId} AND "createdAt" >= ${since.toISOString()}::timestamptz AND "createdAt" < ${until.toISOString()}::timestamptz`,
    db.scheduledCall.count({ where: { organizationId, status: "PENDING" } }),
  ]);
  const { successful, ...rest } = counts!;
  return { since, ...rest, successRate: rest.answered === 0 ? null : successful / rest.answered, scheduled };
}
