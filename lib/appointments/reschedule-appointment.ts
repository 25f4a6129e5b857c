import { recordAgentAction } from "@/lib/activity/record-agent-action";
import { alternativesNear, offerSentence } from "@/lib/appointments/check-availability";
import { findAppointmentTarget, refuseIfOver } from "@/lib/appointments/find-appointment-target";
import { loadBookingRules } from "@/lib/appointments/load-booking-rules";
import { moveAppointment } from "@/lib/appointments/move-appointment";
import { resolveBookingTime } from "@/lib/appointments/resolve-booking-time";
import type { RescheduleAppointmentInput } from "@/lib/appointments/schemas";
import { clockTime, spokenDay, spokenTime } from "@/lib/appointments/spoken-time";

/**
 * reschedule_appointment, during a call: moves the caller's appointment (by id, or their next one by
 * phone; never one that is over) keeping its length unless a new one is given. A taken or closed time answers success: false with
 * the nearest free times — counting the appointment's own slot as free — and leaves it where it was.
 */
export async function rescheduleAppointment(organizationId: string, input: RescheduleAppointmentInput, now: number = Date.now()) {
  const rules = await loadBookingRules(organizationId);
  const appointment = await findAppointmentTarget(organizationId, rules.defaultCountry, input, now);
  refuseIfOver(appointment, now, rules.timeZone, "move");
  const duration = input.duration_minutes ?? Math.round((+appointment.endsAt - +appointment.startsAt) / 60_000);
  const { startsAt, endsAt, withinHours } = resolveBookingTime(rules, input.new_date, input.new_start_time, duration, now, {
    date: "new_date",
    time: "new_start_time",
  });
  const asked = `${spokenTime(startsAt, rules.timeZone)} on ${spokenDay(startsAt, rules.timeZone)}`;

  const moved = withinHours && (await moveAppointment(organizationId, appointment.id, new Date(startsAt), new Date(endsAt)));
  if (!moved) {
    const offers = await alternativesNear(organizationId, input.new_date, startsAt, duration, now, rules, appointment.id);
    const reason = withinHours ? `Sorry, ${asked} is already taken.` : `Sorry, the clinic isn't open for a ${duration}-minute appointment at ${asked}.`;
    return {
      success: false,
      appointment_id: appointment.id,
      message: `${reason} ${offerSentence(offers, rules.timeZone, input.new_date)} The appointment is still at ${spokenTime(appointment.startsAt, rules.timeZone)} on ${spokenDay(appointment.startsAt, rules.timeZone)}.`,
    };
  }
  await recordAgentAction(organizationId, {
    type: "APPOINTMENT_MOVED",
    message: `The agent moved ${appointment.attendeeName}'s appointment to ${asked}`,
    conversationId: input.conversation_id,
    contactId: appointment.contactId,
    data: { appointmentId: appointment.id, startsAt: new Date(startsAt).toISOString(), previousStartsAt: appointment.startsAt.toISOString() },
  });
  return {
    success: true,
    appointment_id: appointment.id,
    date: input.new_date,
    start_time: input.new_start_time,
    end_time: clockTime(endsAt, rules.timeZone),
    message: `Done — ${appointment.attendeeName}'s appointment is moved to ${asked}.`,
  };
}
