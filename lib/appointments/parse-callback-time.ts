import { addDaysToDate, isoWeekdayOf, localDateAndMinute, zonedInstant } from "@/lib/appointments/opening-hours";

/**
 * "Call me back at 3", "in 2 hours", "tomorrow 10am", "meko 3 baje call karo": the time a caller asked for,
 * as an instant, read on `timeZone`'s clock (the patient's, else the clinic's). Null when no time can be
 * read — the agent then asks again. Rules, in order:
 * - an ISO 8601 date-time: with an offset it is that instant; without one it is that wall time in the zone;
 * - "in N hours / minutes", "in an hour", "in half an hour", "N ghante baad", "N minute mein": from now;
 * - otherwise a clock time — "15:00", "3pm", "3:30 p.m.", "3.30", "half past 3", "quarter past three",
 *   "quarter to 4" (3:45), "3 baje", "saade 3 baje" (3:30), "sava 3 baje" (3:15), "paune 4 baje" (3:45),
 *   "teen baje", "noon", "at 3" — on today, "tomorrow"/"kal", or "day after tomorrow"/"parso". A bare hour without
 *   am/pm is the one in waking hours: 1–7 is afternoon/evening, 8–12 morning/noon ("tonight" makes it pm).
 *   A time that has passed today, with no day named, means tomorrow. A weekday ("friday at 3", "shukravar
 *   3 baje") is the next one; a date in words ("8 December", "the 8th") is not read: better asked again than a wrong day.
 */
export type CallbackTime = { at: number; kind: "iso" | "relative" | "clock" };

const HINDI_NUMBERS: Record<string, number> = {
  ek: 1,
  do: 2,
  teen: 3,
  char: 4,
  chaar: 4,
  paanch: 5,
  panch: 5,
  chhe: 6,
  che: 6,
  saat: 7,
  aath: 8,
  nau: 9,
  das: 10,
  gyarah: 11,
  baarah: 12,
  barah: 12,
};
const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  "forty-five": 45,
};

/** "saade 4 baje" is 4:30, "sava 4" 4:15, "paune 4" a quarter to 4 (3:45). */
const BAJE_MINUTES: Record<string, number> = { saade: 30, sadhe: 30, sava: 15, sawa: 15, paune: -15, pone: -15 };

const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function relativeMs(text: string): number | null {
  if (/\bin\s+half\s+an?\s+hour\b|\badh(e|a)\s+ghante\b/.test(text)) return 30 * 60_000;
  const english = /\bin\s+(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty|forty-five)\s*(hours?|hrs?|h|minutes?|mins?|m)\b/.exec(
    text,
  );
  const hindi = /\b(\d+(?:\.\d+)?|ek|do|teen|char|chaar|paanch)\s*(ghante|ghanta|minute|minat|min)\s*(baad|mein|me)\b/.exec(text);
  const match = english ?? hindi;
  if (!match) return null;
  const amount = Number(match[1]) || WORD_NUMBERS[match[1]!] || HINDI_NUMBERS[match[1]!] || 0;
  if (amount <= 0) return null;
  const hours = /^(h|hr|hrs|hour|hours|ghante|ghanta)$/.test(match[2]!);
  return Math.round(amount * (hours ? 60 : 1)) * 60_000;
}

function dayOffset(text: string): number | null {
  if (/\bday after tomorrow\b|\bparso\b|\bparson\b/.test(text)) return 2;
  if (/\btomorrow\b|\btmrw\b|\bkal\b/.test(text)) return 1;
  if (/\btoday\b|\btonight\b|\baaj\b|\bthis (morning|afternoon|evening)\b/.test(text)) return 0;
  return null;
}

// Weekdays in English and in Hindi as callers romanize it (somvar, mangalwar, …): ISO 1 = Monday … 7 = Sunday.
const WEEKDAYS: [RegExp, number][] = [
  [/\b(monday|mon|somv?w?aa?r)\b/, 1],
  [/\b(tuesday|tues?|mangalv?w?aa?r)\b/, 2],
  [/\b(wednesday|wed|budhv?w?aa?r)\b/, 3],
  [/\b(thursday|thu|thurs?|guruv?w?aa?r|brihaspativ?w?aa?r)\b/, 4],
  [/\b(friday|fri|shukrav?w?aa?r)\b/, 5],
  [/\b(saturday|sat|shaniv?w?aa?r)\b/, 6],
  [/\b(sunday|sun|raviv?w?aa?r|itv?w?aa?r)\b/, 7],
];

/** A calendar date in words ("8 December", "the 8th", "12/8", "next week"): not read, so the agent asks again instead of a wrong day. */
const SPOKEN_DATE =
  /\b(january|february|march|april|june|july|august|september|october|november|december|next week)\b|\b\d{1,2}(st|nd|rd|th)\b|\b\d{1,2}\/\d{1,2}\b|\bmay\s+\d|\d\s+may\b/;

function namedWeekday(text: string): number | null {
  return WEEKDAYS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

// "half past 3", "a quarter past three", "quarter to 4 pm": the hour named, then 30, 15 or -15 minutes.
const QUARTER_MINUTES: Record<string, number> = { "half past": 30, "quarter past": 15, "quarter to": -15 };
const QUARTER_HOUR =
  /\b(half past|quarter past|quarter to) (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: ?(a\.?m\.?|p\.?m\.?))?(?![a-z\d])/;

/** Minute of the day of the clock time in the text, or null. */
function clockMinute(text: string): number | null {
  if (/\b(noon|midday)\b/.test(text)) return 12 * 60;
  const quarter = QUARTER_HOUR.exec(text);
  if (quarter) {
    const hour = Number(quarter[2]) || WORD_NUMBERS[quarter[2]!] || 0;
    if (hour < 1 || hour > 12) return null;
    // The hour named follows the usual rule ("quarter to 8" is 7:45 AM, "quarter to 4" 3:45 PM), then the minutes move.
    const named = quarter[3] ? (hour % 12) + (quarter[3].startsWith("p") ? 12 : 0) : bareHour(hour, text);
    return (named * 60 + QUARTER_MINUTES[quarter[1]!]! + 24 * 60) % (24 * 60);
  }
  const meridiem = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?=\s|$|[^a-z])/.exec(text);
  if (meridiem) {
    const hour = Number(meridiem[1]);
    const minute = Number(meridiem[2] ?? 0);
    if (hour < 1 || hour > 12 || minute > 59) return null;
    const pm = meridiem[3]!.startsWith("p");
    return ((hour % 12) + (pm ? 12 : 0)) * 60 + minute;
  }
  const twentyFour = /\b([01]?\d|2[0-3])[:.]([0-5]\d)\b/.exec(text);
  if (twentyFour && !/baje/.test(text)) {
    const hour = Number(twentyFour[1]);
    const minute = Number(twentyFour[2]);
    // "3:30" without am/pm is a bare hour like "3"; "15:00" says which half of the day itself.
    return hour > 12 || (twentyFour[1]!.length === 2 && hour < 10) ? hour * 60 + minute : bareHour(hour, text) * 60 + minute;
  }
  const baje =
    /\b(?:(saade|sadhe|sava|sawa|paune|pone)\s+)?(\d{1,2}|ek|do|teen|char|chaar|paanch|panch|chhe|che|saat|aath|nau|das|gyarah|baarah|barah)(?:[:.](\d{2}))?\s*baje\b/.exec(
      text,
    );
  if (baje) {
    const hour = Number(baje[2]) || HINDI_NUMBERS[baje[2]!] || 0;
    if (hour < 1 || hour > 23) return null;
    const minute = baje[1] ? BAJE_MINUTES[baje[1]]! : Number(baje[3] ?? 0);
    // A quarter to hour 0 ("paune 12 baje subah") wraps to 23:45 like "quarter to", never a negative minute.
    return ((hour > 12 ? hour : bareHour(hour, text)) * 60 + minute + 24 * 60) % (24 * 60);
  }
  const bare = /(?:^|\bat\s+|\bback\s+)(\d{1,2})$|^(\d{1,2})$|\bat\s+(\d{1,2})\b/.exec(text);
  if (bare) {
    const hour = Number(bare[1] ?? bare[2] ?? bare[3]);
    if (hour >= 1 && hour <= 12) return bareHour(hour, text) * 60;
    if (hour > 12 && hour <= 23) return hour * 60;
  }
  return null;
}

/** An hour said without am/pm, read as the one people are awake and clinics call in. */
function bareHour(hour: number, text: string): number {
  if (hour > 12) return hour;
  if (/\b(tonight|evening|afternoon|shaam|dopahar|raat)\b/.test(text)) return hour === 12 ? 12 : hour + 12;
  if (/\b(morning|subah)\b/.test(text)) return hour % 12;
  return hour <= 7 ? hour + 12 : hour;
}

export function parseCallbackTime(input: string, options: { now: number; timeZone: string }): CallbackTime | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, " ");
  if (!text) return null;

  const iso = ISO.exec(text.toUpperCase());
  if (iso) {
    if (iso[4]) {
      const at = Date.parse(text.toUpperCase().replace(" ", "T"));
      return Number.isNaN(at) ? null : { at, kind: "iso" };
    }
    const at = zonedInstant(options.timeZone, iso[1]!, Number(iso[2]) * 60 + Number(iso[3]));
    return at === null || Number(iso[2]) > 23 || Number(iso[3]) > 59 ? null : { at, kind: "iso" };
  }

  const relative = relativeMs(text);
  if (relative !== null) return { at: options.now + relative, kind: "relative" };

  const minute = clockMinute(text);
  if (minute === null || SPOKEN_DATE.test(text)) return null;
  const today = localDateAndMinute(options.now, options.timeZone).date;
  // "Friday at 3": the next Friday — today when it is Friday and 3 PM is still ahead, else a week on.
  const offset = dayOffset(text);
  const weekday = offset === null ? namedWeekday(text) : null;
  const named = offset ?? (weekday === null ? null : (weekday - isoWeekdayOf(today) + 7) % 7);
  const on = (days: number) =>
    zonedInstant(options.timeZone, addDaysToDate(today, days), minute) ?? zonedInstant(options.timeZone, addDaysToDate(today, days), minute + 60);
  let at = on(named ?? 0);
  if (at === null) return null;
  if (at <= options.now && (named === null || named === 0)) at = on(weekday === null ? 1 : 7);
  return at === null ? null : { at, kind: "clock" };
}
