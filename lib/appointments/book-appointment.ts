import { recordAgentAction } from "@/lib/activity/record-agent-action";
import { bookingPhone } from "@/lib/appointments/caller-phone";
import { alternativesNear, offerSentence } from "@/lib/appointments/check-availability";
import { insertAppointment } from "@/lib/appointments/insert-appointment";
import { fillSequencesBookedBy } from "@/lib/scheduling/fill-sequences-booked-by";
import { loadBookingRules } from "@/lib/appointments/load-booking-rules";
import { localDateAndMinute } from "@/lib/appointments/opening-hours";
import { resolveBookingTime } from "@/lib/appointments/resolve-booking-time";
import type { BookAppointmentInput } from "@/lib/appointments/schemas";
import { clockTime, spokenMoment } from "@/lib/appointments/spoken-time";
import { callerLanguage } from "@/lib/appointments/caller-language";
import { inLanguage } from "@/lib/language/supported-languages";

/**
 * book_appointment, during a call: links the patient by phone (or creates the contact) and books the
 * slot. A slot that is taken — also by a booking that won a race a millisecond earlier — or outside the
 * opening hours answers `success: false` with the nearest free times, and writes nothing.
 *
 * A number the caller only stated (the call's numbers name nobody: a withheld caller id) still books — a new
 * appointment reveals nothing and staff see it — but acts on nobody's records: the answer is in the clinic's
 * language (not the contact's, which would tell the caller who holds that number), the patient's waitlists
 * are left running, an existing contact keeps its name and email, and the feed says the number was not seen
 * on the line. Cancelling or moving it later needs the patient's own line (callerPhone) or staff.
 */
export async function bookAppointment(organizationId: string, input: BookAppointmentInput, now: number = Date.now()) {
  const rules = await loadBookingRules(organizationId);
  const duration = input.duration_minutes ?? rules.slotMinutes;
  const { phone, verified } = await bookingPhone(organizationId, rules.defaultCountry, input, input.customer_phone, "customer_phone");
  const language = await callerLanguage(organizationId, rules, verified ? phone : null, input.language);
  const { startsAt, endsAt, withinHours } = resolveBookingTime(rules, input.date, input.start_time, duration, now, undefined, language);
  const asked = spokenMoment(startsAt, rules.timeZone, language);

  const unavailable = async (reason: string) => {
    const offers = await alternativesNear(organizationId, input.date, startsAt, duration, now, rules);
    return {
      success: false as const,
      reason: withinHours ? "taken" : "closed",
      date: input.date,
      start_time: input.start_time,
      message: `${reason} ${offerSentence(offers, rules.timeZone, input.date, language)}`,
      // An alternative may be on a later day (the asked one full or closed): each carries its own date.
      alternatives: offers.map((s) => ({ date: localDateAndMinute(s.startsAt, rules.timeZone).date, start_time: clockTime(s.startsAt, rules.timeZone) })),
    };
  };
  if (!withinHours) {
    return unavailable(
      inLanguage(language, {
        en: `Sorry, the clinic isn't open for a ${duration}-minute appointment at ${asked}.`,
        hi: `माफ़ कीजिए, ${asked} ${duration} मिनट की अपॉइंटमेंट के लिए क्लिनिक खुला नहीं है।`,
      }),
    );
  }

  const appointment = await insertAppointment(
    {
      title: "Appointment",
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      attendeeName: input.customer_name,
      attendeePhone: phone,
      attendeeEmail: input.customer_email ?? null,
      notes: input.notes ?? null,
      source: "AGENT",
      conversationId: input.conversation_id ?? null,
    },
    organizationId,
    { phone, name: input.customer_name, email: input.customer_email },
    // A patient a waitlist already called books (calling back, say): the waitlist stops calling the others.
    // Not on a number the caller only stated: anyone could name a waitlisted patient's number.
    (tx, booked) => (booked.contactId && verified ? fillSequencesBookedBy(tx, organizationId, booked.contactId, new Date(now)) : 0),
  );
  if (!appointment) return unavailable(inLanguage(language, { en: `Sorry, ${asked} is already taken.`, hi: `माफ़ कीजिए, ${asked} पहले से बुक है।` }));
  await recordAgentAction(organizationId, {
    type: "APPOINTMENT_BOOKED",
    // The feed is for staff: in English, whatever the caller spoke.
    message: `The agent booked ${input.customer_name} for ${spokenMoment(startsAt, rules.timeZone)}${verified ? "" : " (on a number the caller gave; their caller id was not shown)"}`,
    conversationId: input.conversation_id,
    contactId: appointment.contactId,
    data: { appointmentId: appointment.id, startsAt: new Date(startsAt).toISOString() },
  });
  return {
    success: true as const,
    appointment_id: appointment.id,
    date: input.date,
    start_time: input.start_time,
    end_time: clockTime(endsAt, rules.timeZone),
    message: inLanguage(language, {
      en: `Done — ${input.customer_name} is booked for ${asked}.`,
      hi: `हो गया — ${input.customer_name} की अपॉइंटमेंट ${asked} के लिए बुक हो गई है।`,
    }),
  };
}
