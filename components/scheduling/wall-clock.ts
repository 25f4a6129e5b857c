import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** A wall-clock time as the date and time inputs hold it: "2026-12-08" and "14:00", in the clinic's zone. */
export interface WallClock {
  date: string;
  time: string;
}

const QUARTER_HOUR = 15;

/** The next quarter hour after `now` on the clinic's clock (14:07 → 14:15, 14:15 → 14:30). */
export function nextQuarterHour(now: number, timeZone: string): WallClock {
  const here = new TZDate(now, timeZone);
  const minutes = (Math.floor((here.getHours() * 60 + here.getMinutes()) / QUARTER_HOUR) + 1) * QUARTER_HOUR;
  // Minutes past 24:00 roll over into the next day.
  return toWallClock(TZDate.tz(timeZone, here.getFullYear(), here.getMonth(), here.getDate(), 0, minutes), timeZone);
}

export function toWallClock(at: Date | string | number, timeZone: string): WallClock {
  const here = new TZDate(+new Date(at), timeZone);
  return { date: format(here, "yyyy-MM-dd"), time: format(here, "HH:mm") };
}

/** Which part of a wall-clock time is missing or not a real date or time ("2026-02-30"), in words for beside that input. */
export function wallClockGaps({ date, time }: WallClock): { date?: string; time?: string } {
  return { ...(readDate(date) ? {} : { date: "Pick a date" }), ...(readTime(time) ? {} : { time: "Pick a time" }) };
}

function readDate(date: string): [number, number, number] | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return null;
  const [year, month, day] = [d[1], d[2], d[3]].map(Number) as [number, number, number];
  // A day the month does not have (30 February) would roll over into the next month.
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? [year, month, day] : null;
}

function readTime(time: string): [number, number] | null {
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!t) return null;
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  return hour <= 23 && minute <= 59 ? [hour, minute] : null;
}

/**
 * The instant a wall-clock time in the clinic's zone names, as ISO 8601 with the zone's offset
 * ("2026-12-08T14:00:00.000+11:00") — never the browser's zone. Null when the inputs are incomplete
 * or name a day the month does not have.
 */
export function wallClockToIso(clock: WallClock, timeZone: string): string | null {
  const date = readDate(clock.date);
  const time = readTime(clock.time);
  if (!date || !time) return null;
  const at = TZDate.tz(timeZone, date[0], date[1] - 1, date[2], time[0], time[1]);
  return Number.isNaN(+at) ? null : at.toISOString();
}
