import { AppError } from "@/lib/errors";
import { bookedIntervals } from "@/lib/appointments/booked-intervals";
import { daySlots, nearestFree, openingInstants, type Interval, type Slot } from "@/lib/appointments/day-slots";
import { loadBookingRules, type BookingRules } from "@/lib/appointments/load-booking-rules";
import { addDaysToDate, localDateAndMinute, zonedInstant } from "@/lib/appointments/opening-hours";
import type { CheckAvailabilityInput } from "@/lib/appointments/schemas";
import { clockTime, spokenDay, spokenList, spokenTime } from "@/lib/appointments/spoken-time";
import { clockToMinute } from "@/lib/scheduling/calling-window";

/** How far ahead the agent may book: beyond this a date is more likely misheard than meant. */
export const MAX_DAYS_AHEAD = 366;

export interface DayAvailability {
  rules: BookingRules;
  slots: Slot[];
  closed: boolean;
  booked: Interval[];
  open: { opensAt: number; closesAt: number } | null;
}

/** Refuses dates before the clinic's today and dates absurdly far ahead, in words the agent can say. */
export function assertBookableDate(date: string, rules: BookingRules, now: number): void {
  const today = localDateAndMinute(now, rules.timeZone).date;
  if (date < today) throw new AppError("invalid_input", `That date has already passed — today is ${spokenDay(now, rules.timeZone)}.`, { issues: [{ path: "date", message: `That date has already passed — today is ${spokenDay(now, rules.timeZone)}.` }] });
  if (date > addDaysToDate(today, MAX_DAYS_AHEAD)) throw new AppError("invalid_input", "I can only book up to a year ahead.", { issues: [{ path: "date", message: "I can only book up to a year ahead." }] });
}

/** The day's slots against live bookings. */
export async function dayAvailability(organizationId: string, date: string, durationMinutes: number, now: number, options: { rules?: BookingRules; excludeId?: string } = {}): Promise<DayAvailability> {
  const rules = options.rules ?? (await loadBookingRules(organizationId));
  const open = openingInstants(rules, date);
  if (!open) return { rules, slots: [], closed: true, booked: [], open: null };
  const booked = await bookedIntervals(organizationId, open.opensAt, open.closesAt, { excludeId: options.excludeId });
  return { rules, slots: daySlots(rules, date, durationMinutes, booked, now), closed: false, booked, open };
}

export function slotView(slot: Slot, timeZone: string) {
  return { date: localDateAndMinute(slot.startsAt, timeZone).date, start_time: clockTime(slot.startsAt, timeZone), end_time: clockTime(slot.endsAt, timeZone), available: slot.available };
}

/** Free slots the agent can offer instead: the nearest on the day, else the first ones on the next open days. */
export async function alternativesNear(organizationId: string, date: string, at: number, durationMinutes: number, now: number, rules: BookingRules, excludeId?: string): Promise<Slot[]> {
  const sameDay = nearestFree((await dayAvailability(organizationId, date, durationMinutes, now, { rules, excludeId })).slots, at, 2);
  if (sameDay.length > 0) return sameDay;
  for (let ahead = 1; ahead <= 14; ahead++) {
    const later = (await dayAvailability(organizationId, addDaysToDate(date, ahead), durationMinutes, now, { rules, excludeId })).slots.filter((s) => s.available);
    if (later.length > 0) return later.slice(0, 2);
  }
  return [];
}

export function offerSentence(slots: readonly Slot[], timeZone: string, sameDayAs?: string): string {
  if (slots.length === 0) return "I couldn't find a free time in the next two weeks.";
  const day = localDateAndMinute(slots[0]!.startsAt, timeZone).date;
  const times = spokenList(slots.map((s) => spokenTime(s.startsAt, timeZone)));
  const when = day === sameDayAs ? times : `${times} on ${spokenDay(slots[0]!.startsAt, timeZone)}`;
  return slots.length === 1 ? `The nearest free time is ${when}.` : `The nearest free times are ${when}.`;
}

/**
 * check_availability: the day's slots from opening hours minus live bookings, in clinic time (slots of
 * today that have started are not available). With `time`, the message answers for that time first.
 */
export async function checkAvailability(organizationId: string, input: CheckAvailabilityInput, now: number = Date.now()) {
  const rules = await loadBookingRules(organizationId);
  assertBookableDate(input.date, rules, now);
  // Without a length the visit is one slot of the clinic's grid (30 minutes unless the clinic set another).
  const duration = input.duration_minutes ?? rules.slotMinutes;
  const { slots, closed, booked, open } = await dayAvailability(organizationId, input.date, duration, now, { rules });
  const freeSlots = slots.filter((s) => s.available);
  const dayAt = zonedInstant(rules.timeZone, input.date, 12 * 60) ?? now;
  const day = spokenDay(dayAt, rules.timeZone);

  let message: string;
  if (closed) message = `The clinic is closed on ${day}.`;
  else if (input.time) {
    const asked = zonedInstant(rules.timeZone, input.date, clockToMinute(input.time)!) ?? dayAt;
    // A time off the slot grid (10:15 on a half-hour grid) can still be booked when it fits: say so.
    const end = asked + duration * 60_000;
    const fits = open !== null && asked >= open.opensAt && end <= open.closesAt;
    const free = asked > now && fits && !booked.some((b) => b.startsAt < end && b.endsAt > asked);
    if (free) message = `Yes, ${spokenTime(asked, rules.timeZone)} on ${day} is free.`;
    else {
      const why = fits ? "is not available" : "is outside the clinic's opening hours";
      message = `${spokenTime(asked, rules.timeZone)} on ${day} ${why}. ${freeSlots.length ? offerSentence(nearestFree(slots, asked, 2), rules.timeZone, input.date) : "There are no free times left that day."}`;
    }
  } else if (freeSlots.length === 0) message = `There are no free times left on ${day}.`;
  else {
    const listed = freeSlots.slice(0, 6).map((s) => spokenTime(s.startsAt, rules.timeZone));
    message = `On ${day} there ${freeSlots.length === 1 ? "is 1 free time" : `are ${freeSlots.length} free times`}: ${spokenList(listed)}${freeSlots.length > listed.length ? ", and later ones" : ""}.`;
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
