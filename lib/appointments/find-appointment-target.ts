import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { callerPhone, type ToolLine } from "@/lib/appointments/caller-phone";
import { spokenMoment } from "@/lib/appointments/spoken-time";

/**
 * The appointment a caller means: the one with this id — only if it was booked with the number of the
 * patient on the line, so a caller cannot cancel or move someone else's — or the patient's next active
 * one. Another clinic's id, or someone else's, looks exactly like a missing one.
 */
export async function findAppointmentTarget(organizationId: string, defaultCountry: string, target: ToolLine & { appointment_id?: string }, now: number) {
  const attendeePhone = await callerPhone(organizationId, defaultCountry, target);
  const active = { organizationId, attendeePhone, status: { not: "CANCELLED" as const } };
  const where = target.appointment_id ? { id: target.appointment_id, ...active } : { ...active, startsAt: { gte: new Date(now) } };
  const appointment = await getDb().appointment.findFirst({ where, orderBy: [{ startsAt: "asc" }, { id: "asc" }] });
  if (!appointment) {
    const message = target.appointment_id
      ? "I couldn't find that appointment under your number. It may have been cancelled already."
      : "I couldn't find an upcoming appointment for your number.";
    throw new AppError("not_found", message);
  }
  return appointment;
}

/**
 * The agent cancels or moves only a visit that is not over yet: one that has ended is the clinic's record
 * of what happened, for staff to correct. A 409 with a sentence the agent can say.
 */
export function refuseIfOver(appointment: { startsAt: Date; endsAt: Date }, now: number, timeZone: string, action: "cancel" | "move") {
  if (+appointment.endsAt > now) return;
  const over = `The appointment at ${spokenMoment(appointment.startsAt, timeZone)} is already over, so`;
  throw new AppError("conflict", action === "cancel" ? `${over} it can't be cancelled.` : `${over} it can't be moved. I can book a new appointment instead.`);
}
