import { getDb } from "@/lib/db";
import { MAX_DURATION_MINUTES } from "@/lib/appointments/schemas";
import { appointmentView } from "@/lib/appointments/appointment-view";

/** Appointments overlapping [from, to), cancelled ones included (the views strike them through), in time order. */
export async function listAppointments(organizationId: string, range: { from: Date; to: Date }) {
  const rows = await getDb().appointment.findMany({
    where: { organizationId, startsAt: { gt: new Date(+range.from - MAX_DURATION_MINUTES * 60_000), lt: range.to }, endsAt: { gt: range.from } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 2_000,
  });
  return rows.map(appointmentView);
}
