import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAgentAction } from "@/lib/activity/record-agent-action";
import { followAppointment } from "@/lib/check-ins/follow-appointment";
import { findAppointmentTarget, refuseIfOver } from "@/lib/appointments/find-appointment-target";
import { loadBookingRules } from "@/lib/appointments/load-booking-rules";
import type { CancelAppointmentInput } from "@/lib/appointments/schemas";
import { spokenDay, spokenTime } from "@/lib/appointments/spoken-time";

/**
 * Cancels an active appointment of this clinic in one conditional update (tenant and status in the same
 * statement), so a double cancel or a race with staff changes it once; the freed slot is bookable at once.
 */
export async function cancelAppointmentById(organizationId: string, id: string, now: Date = new Date()) {
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.appointment.updateMany({
      where: { id, organizationId, status: { not: "CANCELLED" } },
      data: { status: "CANCELLED", cancelledAt: now },
    });
    if (count === 0) throw notFound("Appointment");
    // Its "N days after" check-in calls are cancelled with it.
    await followAppointment(tx, organizationId, id, now);
  });
}

/** cancel_appointment, during a call: by id (if it is the caller's and not over yet), or the caller's next appointment. */
export async function cancelAppointment(organizationId: string, input: CancelAppointmentInput, now: number = Date.now()) {
  const rules = await loadBookingRules(organizationId);
  const appointment = await findAppointmentTarget(organizationId, rules.defaultCountry, input, now);
  refuseIfOver(appointment, now, rules.timeZone, "cancel");
  await cancelAppointmentById(organizationId, appointment.id, new Date(now));
  const when = `${spokenTime(appointment.startsAt, rules.timeZone)} on ${spokenDay(appointment.startsAt, rules.timeZone)}`;
  await recordAgentAction(organizationId, {
    type: "APPOINTMENT_CANCELLED",
    message: `The agent cancelled ${appointment.attendeeName}'s appointment at ${when}`,
    conversationId: input.conversation_id,
    contactId: appointment.contactId,
    data: { appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() },
  });
  return { success: true, appointment_id: appointment.id, message: `Done — the appointment for ${appointment.attendeeName} at ${when} is cancelled.` };
}
