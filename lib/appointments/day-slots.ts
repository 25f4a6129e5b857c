import { isoWeekdayOf, openingFor, zonedInstant, type OpeningDay } from "@/lib/appointments/opening-hours";

export interface Slot {
  startsAt: number;
  endsAt: number;
  available: boolean;
}

export interface Interval {
  startsAt: number;
  endsAt: number;
}

export interface DayRules {
  timeZone: string;
  openingHours: readonly OpeningDay[];
  slotMinutes: number;
}

/** Opening and closing instants of a local date, or null when the clinic is closed that weekday. */
export function openingInstants(rules: DayRules, date: string): { opensAt: number; closesAt: number } | null {
  const hours = openingFor(rules.openingHours, isoWeekdayOf(date));
  if (!hours) return null;
  const opensAt = zonedInstant(rules.timeZone, date, hours.start);
  const closesAt = zonedInstant(rules.timeZone, date, hours.end);
  return opensAt === null || closesAt === null ? null : { opensAt, closesAt };
}

/**
 * The slots of one local date: every `slotMinutes` from opening, each `durationMinutes` long and ending by
 * closing time, available when it has not started yet and overlaps no booked interval. Slots are laid on
 * the wall clock, so a day when the clocks change still offers 09:00, 09:30, … at the right instants (a
 * wall time the change skips is not offered).
 */
export function daySlots(rules: DayRules, date: string, durationMinutes: number, booked: readonly Interval[], now: number): Slot[] {
  const hours = openingFor(rules.openingHours, isoWeekdayOf(date));
  if (!hours) return [];
  const slots: Slot[] = [];
  for (let minute = hours.start; minute + durationMinutes <= hours.end; minute += rules.slotMinutes) {
    const startsAt = zonedInstant(rules.timeZone, date, minute);
    if (startsAt === null) continue;
    const endsAt = startsAt + durationMinutes * 60_000;
    const taken = booked.some((b) => b.startsAt < endsAt && b.endsAt > startsAt);
    slots.push({ startsAt, endsAt, available: startsAt > now && !taken });
  }
  return slots;
}

/** The free slots closest in time to `at` (earlier or later), soonest-first among equals. */
export function nearestFree(slots: readonly Slot[], at: number, count: number): Slot[] {
  return slots
    .filter((s) => s.available)
    .sort((a, b) => Math.abs(a.startsAt - at) - Math.abs(b.startsAt - at) || a.startsAt - b.startsAt)
    .slice(0, count)
    .sort((a, b) => a.startsAt - b.startsAt);
}
