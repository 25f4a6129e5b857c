import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { clockWords } from "@/lib/language/clock-words";
import { isPast } from "@/lib/time/past-grace";
import { addDaysToDate, isoWeekdayOf, localDateAndMinute } from "@/lib/time/local-date";

/** How a check-in repeats, with the dates it needs resolved (an appointment's date in the clinic's zone). */
export type OccurrenceRule =
  | { type: "once"; date: string }
  | { type: "weekly"; weekday: number; weeks: number; startDate: string }
  | { type: "after_appointment"; appointmentDate: string; days: number };

const WEEKDAYS = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The local dates ("2026-12-08") a rule calls on, in order. */
export function occurrenceDates(rule: OccurrenceRule): string[] {
  if (rule.type === "once") return [rule.date];
  if (rule.type === "after_appointment") return [addDaysToDate(rule.appointmentDate, rule.days)];
  const first = addDaysToDate(rule.startDate, (rule.weekday - isoWeekdayOf(rule.startDate) + 7) % 7);
  return Array.from({ length: rule.weeks }, (_, week) => addDaysToDate(first, week * 7));
}

/**
 * Where a weekly series starts: the date asked for, or — when that is today or earlier and the first calls'
 * times have passed — the first date whose call at `minute` is still ahead. The series keeps its number of
 * calls, a week apart, instead of ringing the patient for every past week at once ("now", one after another).
 */
export function upcomingStartDate(startDate: string, minute: number, timeZone: string, now: Date): string {
  const today = clinicToday(now, timeZone);
  if (startDate > today) return startDate;
  const todayStillAhead = !isPast(localInstant(today, minute, timeZone), now);
  return todayStillAhead ? today : addDaysToDate(today, 1);
}

/**
 * The instant of a wall-clock minute on a local date in `timeZone`. Each date is turned into an instant on
 * its own, so 10:00 stays 10:00 on both sides of a DST change (the UTC time moves by an hour instead). A
 * minute the clocks skip (02:30 on the night they go forward) becomes the same minute after the jump.
 */
export function localInstant(date: string, minute: number, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(+TZDate.tz(timeZone, year, month - 1, day, Math.floor(minute / 60), minute % 60));
}

/**
 * The plan in one line, as staff see it later: "Every Monday at 10:00 AM, 4 times". A date in another year
 * than `today` (the clinic's, "2026-12-07") carries its year, so next year's check-in does not read like this year's.
 */
export function describeRule(rule: OccurrenceRule, minute: number, today: string): string {
  const at = clockWords(minute);
  const day = (date: string) =>
    format(new TZDate(+localInstant(date, 12 * 60, "UTC"), "UTC"), date.slice(0, 4) === today.slice(0, 4) ? "EEE d MMM" : "EEE d MMM yyyy");
  if (rule.type === "once") return `Once, ${day(rule.date)} at ${at}`;
  if (rule.type === "weekly") return `Every ${WEEKDAYS[rule.weekday]} at ${at}, ${rule.weeks} time${rule.weeks === 1 ? "" : "s"} from ${day(rule.startDate)}`;
  return `${rule.days} day${rule.days === 1 ? "" : "s"} after the appointment on ${day(rule.appointmentDate)}, at ${at}`;
}

/** Today's date on the clinic's clock. */
export function clinicToday(now: Date, timeZone: string): string {
  return localDateAndMinute(+now, timeZone).date;
}
