import { TZDate } from "@date-fns/tz";

/** "2026-12-01" → its parts, or null when it is not a real calendar date. */
export function parseIsoDate(date: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * The instant a wall-clock minute of a local date happens in `timeZone`, or null when that wall time does
 * not exist there (the hour skipped when clocks go forward) — such a slot is never offered.
 */
export function zonedInstant(timeZone: string, date: string, minute: number): number | null {
  const parts = parseIsoDate(date);
  if (!parts) return null;
  const at = TZDate.tz(timeZone, parts.year, parts.month - 1, parts.day, Math.floor(minute / 60), minute % 60);
  const back = new TZDate(+at, timeZone);
  if (back.getHours() * 60 + back.getMinutes() !== minute % 1440 && minute !== 1440) return null;
  return +at;
}

/** The clinic's local date ("2026-12-01") and minute of the day at an instant. */
export function localDateAndMinute(at: number, timeZone: string): { date: string; minute: number; isoWeekday: number } {
  const local = new TZDate(at, timeZone);
  const date = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
  return { date, minute: local.getHours() * 60 + local.getMinutes(), isoWeekday: local.getDay() || 7 };
}

export function isoWeekdayOf(date: string): number {
  const parts = parseIsoDate(date)!;
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay() || 7;
}

/** Adds days to a local date string, calendar-wise (no clocks involved). */
export function addDaysToDate(date: string, days: number): string {
  const parts = parseIsoDate(date)!;
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days)).toISOString().slice(0, 10);
}
