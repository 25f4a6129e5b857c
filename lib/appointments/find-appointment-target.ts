import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { agentPhone } from "@/lib/appointments/book-appointment";

/**
 * The appointment a caller means: the one with this id in this clinic, or — what the agent usually has —
 * the next active one booked with their phone. Another clinic's id looks exactly like a missing one.
 */
export async function findAppointmentTarget(organizationId: string, defaultCountry: string, target: { appointment_id?: string; customer_phone?: string }, now: number) {
  const where = target.appointment_id
    ? { id: target.appointment_id, organizationId, status: { not: "CANCELLED" as const } }
    : { organizationId, attendeePhone: agentPhone(target.customer_phone!, defaultCountry, "customer_phone"), status: { not: "CANCELLED" as const }, startsAt: { gte: new Date(now) } };
  const appointment = await getDb().appointment.findFirst({ where, orderBy: [{ startsAt: "asc" }, { id: "asc" }] });
  if (!appointment) {
    const message = target.appointment_id ? "I couldn't find that appointment. It may have been cancelled already." : "I couldn't find an upcoming appointment for that phone number.";
    throw new AppError("not_found", message);
  }
  return appointment;
}
