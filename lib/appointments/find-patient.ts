import { getDb } from "@/lib/db";
import { callerPhone } from "@/lib/appointments/caller-phone";
import { loadBookingRules } from "@/lib/appointments/load-booking-rules";
import { localDateAndMinute } from "@/lib/appointments/opening-hours";
import type { FindPatientInput } from "@/lib/appointments/schemas";
import { clockTime, spokenDay, spokenTime } from "@/lib/appointments/spoken-time";

/**
 * find_patient: who is calling, by the patient's number on this call (callerPhone: the call's own numbers,
 * never one the agent typed) — the clinic's contact with that number and their next appointment. Only this
 * clinic's contacts are searched; not knowing the number is an answer (found: false), not an error.
 */
export async function findPatient(organizationId: string, input: FindPatientInput, now: number = Date.now()) {
  const rules = await loadBookingRules(organizationId);
  const phone = await callerPhone(organizationId, rules.defaultCountry, input);
  const contact = await getDb().contact.findUnique({
    where: { organizationId_phoneNumber: { organizationId, phoneNumber: phone } },
    select: { id: true, name: true },
  });
  const next = await getDb().appointment.findFirst({
    where: { organizationId, attendeePhone: phone, status: { not: "CANCELLED" }, startsAt: { gte: new Date(now) } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, startsAt: true, status: true },
  });
  if (!contact) return { found: false, message: "I don't have a record for this number yet." };
  const nextView = next
    ? {
        appointment_id: next.id,
        date: localDateAndMinute(+next.startsAt, rules.timeZone).date,
        start_time: clockTime(next.startsAt, rules.timeZone),
        status: next.status.toLowerCase(),
      }
    : null;
  return {
    found: true,
    // Only what the agent needs to greet and help: caller ids can be spoofed, so no email or notes.
    patient: { contact_id: contact.id, name: contact.name },
    next_appointment: nextView,
    message: next
      ? `This is ${contact.name}. Their next appointment is at ${spokenTime(next.startsAt, rules.timeZone)} on ${spokenDay(next.startsAt, rules.timeZone)}.`
      : `This is ${contact.name}. They have no upcoming appointments.`,
  };
}
