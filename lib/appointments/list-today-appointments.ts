import { getDb } from "@/lib/db";
import { loadBookingRules } from "@/lib/appointments/load-booking-rules";
import { addDaysToDate, localDateAndMinute, zonedInstant } from "@/lib/appointments/opening-hours";
import { clockTime, spokenDay, spokenList, spokenTime } from "@/lib/appointments/spoken-time";

/**
 * todays_appointments: the clinic's appointments of its own today (midnight to midnight in its zone). A
 * patient-facing agent (the default) hears only the busy times — a caller never learns who else is booked;
 * an agent marked staff-facing in Settings hears the names too.
 */
export async function listTodayAppointments(organizationId: string, options: { withNames: boolean }, now: number = Date.now()) {
  const rules = await loadBookingRules(organizationId);
  const date = localDateAndMinute(now, rules.timeZone).date;
  const from = zonedInstant(rules.timeZone, date, 0) ?? now;
  const to = zonedInstant(rules.timeZone, addDaysToDate(date, 1), 0) ?? now + 86_400_000;
  const rows = await getDb().appointment.findMany({
    where: { organizationId, startsAt: { gte: new Date(from), lt: new Date(to) } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, startsAt: true, attendeeName: true, status: true },
    take: 500,
  });
  const active = rows.filter((row) => row.status !== "CANCELLED");
  const day = spokenDay(now, rules.timeZone);
  const message =
    active.length === 0
      ? `There are no appointments today, ${day}.`
      : `Today, ${day}, there ${active.length === 1 ? "is 1 appointment" : `are ${active.length} appointments`}: ${spokenList(
          active
            .slice(0, 8)
            .map((row) =>
              options.withNames ? `${row.attendeeName} at ${spokenTime(row.startsAt, rules.timeZone)}` : `one at ${spokenTime(row.startsAt, rules.timeZone)}`,
            ),
        )}${active.length > 8 ? ", and more" : ""}.`;
  return {
    date,
    total_appointments: active.length,
    appointments: options.withNames
      ? rows.map((row) => ({
          appointment_id: row.id,
          time: clockTime(row.startsAt, rules.timeZone),
          customer_name: row.attendeeName,
          status: row.status.toLowerCase(),
        }))
      : active.map((row) => ({ time: clockTime(row.startsAt, rules.timeZone), status: "busy" })),
    message,
  };
}
