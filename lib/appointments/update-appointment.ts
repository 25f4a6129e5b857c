import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { appointmentView } from "@/lib/appointments/appointment-view";
import { cancelAppointmentById } from "@/lib/appointments/cancel-appointment";
import { moveAppointment } from "@/lib/appointments/move-appointment";
import { OVERLAP_MESSAGE } from "@/lib/appointments/create-appointment";
import { refuseUnbookableStart } from "@/lib/appointments/refuse-unbookable-start";
import type { UpdateAppointmentInput } from "@/lib/appointments/staff-schemas";

/**
 * Staff move, confirm or cancel an appointment of their clinic; another clinic's id is a 404 like a missing one.
 * Only a new start is checked against the clock: a past appointment's status or length can still be corrected.
 */
export async function updateAppointment(organizationId: string, id: string, input: UpdateAppointmentInput, now: number = Date.now()) {
  const db = getDb();
  const current = await db.appointment.findFirst({ where: { id, organizationId } });
  if (!current) throw notFound("Appointment");
  if (input.status === "CANCELLED") {
    await cancelAppointmentById(organizationId, id);
  } else {
    if (current.status === "CANCELLED") throw new AppError("conflict", "This appointment is cancelled. Book a new one instead.");
    // The move dialog sends the start it shows: the same start is not a move.
    if (input.startsAt && +input.startsAt !== +current.startsAt) refuseUnbookableStart(input.startsAt, now);
    if (input.startsAt || input.durationMinutes) {
      const startsAt = input.startsAt ?? current.startsAt;
      const minutes = input.durationMinutes ?? Math.round((+current.endsAt - +current.startsAt) / 60_000);
      const moved = await moveAppointment(organizationId, id, startsAt, new Date(+startsAt + minutes * 60_000));
      if (!moved) throw new AppError("conflict", OVERLAP_MESSAGE, { issues: [{ path: "startsAt", message: OVERLAP_MESSAGE }] });
    }
    if (input.status) {
      const { count } = await db.appointment.updateMany({ where: { id, organizationId, status: { not: "CANCELLED" } }, data: { status: input.status } });
      if (count === 0) throw notFound("Appointment");
    }
  }
  return appointmentView(await db.appointment.findFirstOrThrow({ where: { id, organizationId } }));
}
