import { z } from "zod";

/** One weekday's opening hours: ISO weekday (1 = Monday … 7 = Sunday), minutes after local midnight, [start, end). */
export interface OpeningDay {
  day: number;
  start: number;
  end: number;
}

export const DEFAULT_OPENING_HOURS: OpeningDay[] = [1, 2, 3, 4, 5].map((day) => ({ day, start: 540, end: 1020 }));

const storedOpeningHours = z.array(
  z.object({ day: z.number().int().min(1).max(7), start: z.number().int().min(0).max(1440), end: z.number().int().min(0).max(1440) }),
);

/** The stored JSON column read defensively: anything unexpected counts as the default week, never a crash mid-call. */
export function readOpeningHours(value: unknown): OpeningDay[] {
  const parsed = storedOpeningHours.safeParse(value);
  return parsed.success ? parsed.data.filter((d) => d.start < d.end) : DEFAULT_OPENING_HOURS;
}

export function openingFor(hours: readonly OpeningDay[], isoWeekday: number): OpeningDay | null {
  return hours.find((d) => d.day === isoWeekday) ?? null;
}

// Calendar dates and wall-clock instants: shared with check-ins, so they live in lib/time.
export { addDaysToDate, isoWeekdayOf, localDateAndMinute, parseIsoDate, zonedInstant } from "@/lib/time/local-date";
