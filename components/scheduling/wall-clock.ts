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

/**
 * The instant a wall-clock time in the clinic's zone names, as ISO 8601 with the zone's offset
 * ("2026-12-08T14:00:00.000+11:00") — never the browser's zone. Null when the inputs are incomplete.
 */
export function wallClockToIso({ date, time }: WallClock, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const at = TZDate.tz(timeZone, year, month - 1, day, hour, minute);
  return Number.isNaN(+at) ? null : at.toISOString();
}
