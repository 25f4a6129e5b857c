import { AppError } from "@/lib/errors";
import { bookedIntervals } from "@/lib/appointments/booked-intervals";
import { daySlots, nearestFree, openingInstants, type Interval, type Slot } from "@/lib/appointments/day-slots";
import { loadBookingRules, type BookingRules } from "@/lib/appointments/load-booking-rules";
import { addDaysToDate, localDateAndMinute, zonedInstant } from "@/lib/appointments/opening-hours";
import type { CheckAvailabilityInput } from "@/lib/appointments/schemas";
import { clockTime, spokenDay, spokenList, spokenTime } from "@/lib/appointments/spoken-time";
import { clockToMinute } from "@/lib/scheduling/calling-window";
import { callerLanguage } from "@/lib/appointments/caller-language";
import { patientOnTheLine } from "@/lib/agents/patient-on-the-line";
import { inLanguage, type LanguageTag } from "@/lib/language/supported-languages";
import { MAX_DAYS_AHEAD } from "@/lib/appointments/booking-horizon";

export interface DayAvailability {
  rules: BookingRules;
  slots: Slot[];
  closed: boolean;
  booked: Interval[];
  open: { opensAt: number; closesAt: number } | null;
}

/** Refuses dates before the clinic's today and dates absurdly far ahead, in words the agent can say. */
export function assertBookableDate(date: string, rules: BookingRules, now: number, language: LanguageTag = "en-US"): void {
  const today = localDateAndMinute(now, rules.timeZone).date;
  const refuse = (message: string) => new AppError("invalid_input", message, { issues: [{ path: "date", message }] });
  const todayWords = spokenDay(now, rules.timeZone, language);
  if (date < today)
    throw refuse(inLanguage(language, { en: `That date has already passed — today is ${todayWords}.`, hi: `वह तारीख़ निकल चुकी है — आज ${todayWords} है।` }));
  if (date > addDaysToDate(today, MAX_DAYS_AHEAD))
    throw refuse(inLanguage(language, { en: "I can only book up to a year ahead.", hi: "बुकिंग सिर्फ़ एक साल आगे तक हो सकती है।" }));
}

/** The day's slots against live bookings. */
export async function dayAvailability(
  organizationId: string,
  date: string,
  durationMinutes: number,
  now: number,
  options: { rules?: BookingRules; excludeId?: string } = {},
): Promise<DayAvailability> {
  const rules = options.rules ?? (await loadBookingRules(organizationId));
  const open = openingInstants(rules, date);
  if (!open) return { rules, slots: [], closed: true, booked: [], open: null };
  const booked = await bookedIntervals(organizationId, open.opensAt, open.closesAt, { excludeId: options.excludeId });
  return { rules, slots: daySlots(rules, date, durationMinutes, booked, now), closed: false, booked, open };
}

export function slotView(slot: Slot, timeZone: string) {
  return {
    date: localDateAndMinute(slot.startsAt, timeZone).date,
    start_time: clockTime(slot.startsAt, timeZone),
    end_time: clockTime(slot.endsAt, timeZone),
    available: slot.available,
  };
}

/** Free slots the agent can offer instead: the nearest on the day, else the first ones on the next open days. */
export async function alternativesNear(
  organizationId: string,
  date: string,
  at: number,
  durationMinutes: number,
  now: number,
  rules: BookingRules,
  excludeId?: string,
): Promise<Slot[]> {
  const sameDay = nearestFree((await dayAvailability(organizationId, date, durationMinutes, now, { rules, excludeId })).slots, at, 2);
  if (sameDay.length > 0) return sameDay;
  for (let ahead = 1; ahead <= 14; ahead++) {
    const later = (await dayAvailability(organizationId, addDaysToDate(date, ahead), durationMinutes, now, { rules, excludeId })).slots.filter(
      (s) => s.available,
    );
    if (later.length > 0) return later.slice(0, 2);
  }
  return [];
}

export function offerSentence(slots: readonly Slot[], timeZone: string, sameDayAs?: string, language: LanguageTag = "en-US"): string {
  if (slots.length === 0) return inLanguage(language, { en: "I couldn't find a free time in the next two weeks.", hi: "अगले दो हफ़्तों में कोई समय खाली नहीं मिला।" });
  const day = localDateAndMinute(slots[0]!.startsAt, timeZone).date;
  const times = spokenList(
    slots.map((s) => spokenTime(s.startsAt, timeZone, language)),
    language,
  );
  const dayWords = spokenDay(slots[0]!.startsAt, timeZone, language);
  const sameDay = day === sameDayAs;
  return inLanguage(language, {
    en: `The nearest free ${slots.length === 1 ? "time is" : "times are"} ${sameDay ? times : `${times} on ${dayWords}`}.`,
    hi: `सबसे नज़दीकी खाली समय ${sameDay ? times : `${dayWords} को ${times}`} ${slots.length === 1 ? "है" : "हैं"}।`,
  });
}

/**
 * check_availability: the day's slots from opening hours minus live bookings, in clinic time (slots of
 * today that have started are not available). With `time`, the message answers for that time first. The
 * message is in the caller's language (callerLanguage), the patient found from the call's numbers.
 */
export async function checkAvailability(organizationId: string, input: CheckAvailabilityInput, now: number = Date.now()) {
  const rules = await loadBookingRules(organizationId);
  const phone = await patientOnTheLine(organizationId, rules.defaultCountry, {
    conversationId: input.conversation_id,
    callerId: input.caller_id,
    calledNumber: input.called_number,
  });
  const language = await callerLanguage(organizationId, rules, phone, input.language);
  assertBookableDate(input.date, rules, now, language);
  // Without a length the visit is one slot of the clinic's grid (30 minutes unless the clinic set another).
  const duration = input.duration_minutes ?? rules.slotMinutes;
  const { slots, closed, booked, open } = await dayAvailability(organizationId, input.date, duration, now, { rules });
  const freeSlots = slots.filter((s) => s.available);
  const dayAt = zonedInstant(rules.timeZone, input.date, 12 * 60) ?? now;
  const day = spokenDay(dayAt, rules.timeZone, language);
  const at = (instant: number) => spokenTime(instant, rules.timeZone, language);

  // The asked wall time as an instant; null when the clocks skip it that day (02:30 the night they go forward).
  const askedMinute = input.time ? clockToMinute(input.time)! : null;
  const asked = askedMinute === null ? null : zonedInstant(rules.timeZone, input.date, askedMinute);
  const nearestOffer = (from: number) =>
    freeSlots.length
      ? offerSentence(nearestFree(slots, from, 2), rules.timeZone, input.date, language)
      : inLanguage(language, { en: "There are no free times left that day.", hi: "उस दिन कोई समय खाली नहीं बचा है।" });

  let message: string;
  if (closed) message = inLanguage(language, { en: `The clinic is closed on ${day}.`, hi: `${day} को क्लिनिक बंद है।` });
  else if (askedMinute !== null && asked === null) {
    // A skipped wall time is never free: say so, offer the nearest.
    const gap = inLanguage(language, {
      en: "That time doesn't exist on that day because the clocks change.",
      hi: "घड़ी बदलने की वजह से उस दिन यह समय होता ही नहीं।",
    });
    message = `${gap} ${nearestOffer(zonedInstant(rules.timeZone, input.date, askedMinute + 60) ?? dayAt)}`;
  } else if (asked !== null) {
    // A time off the slot grid (10:15 on a half-hour grid) can still be booked when it fits: say so.
    const end = asked + duration * 60_000;
    const fits = open !== null && asked >= open.opensAt && end <= open.closesAt;
    const free = asked > now && fits && !booked.some((b) => b.startsAt < end && b.endsAt > asked);
    if (free) message = inLanguage(language, { en: `Yes, ${at(asked)} on ${day} is free.`, hi: `जी हाँ, ${day} को ${at(asked)} खाली है।` });
    else {
      const why = inLanguage(language, {
        en: `${at(asked)} on ${day} ${fits ? "is not available" : "is outside the clinic's opening hours"}.`,
        hi: `${day} को ${at(asked)} ${fits ? "उपलब्ध नहीं है" : "क्लिनिक के खुलने के समय से बाहर है"}।`,
      });
      message = `${why} ${nearestOffer(asked)}`;
    }
  } else if (freeSlots.length === 0) message = inLanguage(language, { en: `There are no free times left on ${day}.`, hi: `${day} को कोई समय खाली नहीं बचा है।` });
  else {
    const listed = spokenList(
      freeSlots.slice(0, 6).map((s) => at(s.startsAt)),
      language,
    );
    const more = freeSlots.length > 6;
    message = inLanguage(language, {
      en: `On ${day} there ${freeSlots.length === 1 ? "is 1 free time" : `are ${freeSlots.length} free times`}: ${listed}${more ? ", and later ones" : ""}.`,
      hi: `${day} को ${freeSlots.length} ${freeSlots.length === 1 ? "समय खाली है" : "समय खाली हैं"}: ${listed}${more ? ", और बाद के भी" : ""}।`,
    });
  }

  return {
    date: input.date,
    time_zone: rules.timeZone,
    duration_minutes: duration,
    total_slots: slots.length,
    available_slots: freeSlots.length,
    slots: slots.map((slot) => slotView(slot, rules.timeZone)),
    message,
  };
}
