import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * The date ("yyyy-MM-dd") of the first Tuesday at least three days ahead on the clinic's calendar:
 * far enough that a dispatcher running beside the tests never dials what they schedule, and a
 * weekday inside the default calling days.
 */
export function tuesdayAhead(timeZone: string, now = Date.now()): string {
  const today = new TZDate(now, timeZone);
  let days = 3;
  while ((today.getDay() + days) % 7 !== 2) days++;
  return format(TZDate.tz(timeZone, today.getFullYear(), today.getMonth(), today.getDate() + days), "yyyy-MM-dd");
}

/** "Tue 8 Dec", as the app writes a clinic day. */
export function clinicDayLabel(date: string, timeZone: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return format(TZDate.tz(timeZone, year, month - 1, day), "EEE d MMM");
}
