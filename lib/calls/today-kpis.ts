import { TZDate } from "@date-fns/tz";
import { startOfDay } from "date-fns";
import { getDb } from "@/lib/db";

/** Midnight of `now`'s day in the clinic's zone, as an instant ("today" is the clinic's, not the server's). */
export function clinicDayStart(now: Date, timeZone: string): Date {
  return new Date(startOfDay(new TZDate(now, timeZone)).getTime());
}

/** The overview's headline numbers for the clinic's current day. */
export async function todayKpis(organizationId: string, timeZone: string, now = new Date()) {
  const since = clinicDayStart(now, timeZone);
  const today = { organizationId, createdAt: { gte: since } };
  const db = getDb();
  const [callsToday, answered, appointmentsBooked, scheduled] = await Promise.all([
    db.call.count({ where: today }),
    // Picked up by a person: a voicemail also "completes" but nobody answered.
    db.call.count({ where: { ...today, status: "COMPLETED", NOT: { outcome: "voicemail" } } }),
    db.call.count({ where: { ...today, outcome: "appointment_booked" } }),
    db.scheduledCall.count({ where: { organizationId, status: "PENDING" } }),
  ]);
  return { since, callsToday, answered, appointmentsBooked, scheduled };
}
