import { TZDate } from "@date-fns/tz";
import { format, formatDistanceStrict } from "date-fns";

/** Where times are shown: the clinic's IANA zone, and its locale for the zone's short name. */
export interface ClinicZone {
  timeZone: string;
  locale: string;
}

type Instant = Date | string | number;

const local = (at: Instant, timeZone: string) => new TZDate(+new Date(at), timeZone);

// The formats below are date-fns patterns, not Intl's locale data, so a client component prints what the
// server printed: Node's ICU and a browser's disagree (a clinic's locale missing, "pm" vs "PM", spaces),
// and React then throws the server's markup away as a hydration mismatch.

/**
 * The zone's short name at that instant ("AEDT"), or its UTC offset where the locale has no name for it.
 * From Intl, so engines differ: a client component's first render takes the one the server computed.
 */
export function zoneName(zone: ClinicZone, at: Instant = Date.now()): string {
  const parts = new Intl.DateTimeFormat(zone.locale, { timeZone: zone.timeZone, timeZoneName: "short" }).formatToParts(new Date(at));
  return parts.find((part) => part.type === "timeZoneName")?.value ?? zone.timeZone;
}

/** An IANA name as people read it: "America/New_York" → "America/New York". */
export function zoneTitle(timeZone: string): string {
  return timeZone.replaceAll("_", " ");
}

/** "2:00 PM" on the clinic's clock. */
export function clinicTime(at: Instant, zone: ClinicZone): string {
  return format(local(at, zone.timeZone), "h:mm a");
}

/** "Tue 8 Dec" on the clinic's calendar. */
export function clinicDay(at: Instant, zone: ClinicZone): string {
  return format(local(at, zone.timeZone), "EEE d MMM");
}

/** "Tuesday 8 December" on the clinic's calendar. */
export function clinicLongDay(at: Instant, zone: ClinicZone): string {
  return format(local(at, zone.timeZone), "EEEE d MMMM");
}

/** "8 Dec 2026" on the clinic's calendar. */
export function clinicDate(at: Instant, zone: ClinicZone): string {
  return format(local(at, zone.timeZone), "d MMM yyyy");
}

/** "Tue 8 Dec, 2:00 PM" on the clinic's clock. */
export function clinicDateTime(at: Instant, zone: ClinicZone): string {
  return format(local(at, zone.timeZone), "EEE d MMM, h:mm a");
}

/** The exact time with its zone, for a title on hover: "Tuesday 8 December 2026, 2:00:00 PM AEDT (Australia/Sydney)". */
export function clinicExactTime(at: Instant, zone: ClinicZone): string {
  return `${format(local(at, zone.timeZone), "EEEE d MMMM yyyy, h:mm:ss a")} ${zoneName(zone, at)} (${zoneTitle(zone.timeZone)})`;
}

export function sameClinicDay(a: Instant, b: Instant, zone: ClinicZone): boolean {
  return format(local(a, zone.timeZone), "yyyy-MM-dd") === format(local(b, zone.timeZone), "yyyy-MM-dd");
}

/** "2:00 PM – 2:04 PM" within a day, "Fri 4:50 PM – Mon 9:10 AM" across days; one time for one call. */
export function clinicTimeRange(first: Instant, last: Instant, zone: ClinicZone): string {
  if (+new Date(first) === +new Date(last)) return clinicTime(first, zone);
  if (sameClinicDay(first, last, zone)) return `${clinicTime(first, zone)} – ${clinicTime(last, zone)}`;
  const dayTime = (at: Instant) => format(local(at, zone.timeZone), "EEE d MMM h:mm a");
  return `${dayTime(first)} – ${dayTime(last)}`;
}

/** "in 3 days", "2 minutes ago": relative to `now` (the render time on the server). */
export function relativeTime(at: Instant, now: number): string {
  return formatDistanceStrict(new Date(at), now, { addSuffix: true });
}
