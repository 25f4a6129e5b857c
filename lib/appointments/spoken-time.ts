import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { hindiClock } from "@/lib/language/hindi-clock";
import { speaksHindi, type LanguageTag } from "@/lib/language/supported-languages";

// Agent answers are read aloud: "3:00 PM", "Tuesday 1 December" — unambiguous when spoken, whatever the
// clinic's locale; for a Hindi-speaking caller "दोपहर 3:00 बजे", "मंगलवार, 1 दिसंबर".
export function spokenTime(at: number | Date, timeZone: string, language?: LanguageTag): string {
  const local = new TZDate(+at, timeZone);
  if (language && speaksHindi(language)) return hindiClock(local.getHours(), local.getMinutes());
  return format(local, "h:mm a");
}

export function spokenDay(at: number | Date, timeZone: string, language?: LanguageTag): string {
  if (language && speaksHindi(language)) return new Intl.DateTimeFormat("hi-IN", { timeZone, weekday: "long", day: "numeric", month: "long" }).format(+at);
  return format(new TZDate(+at, timeZone), "EEEE d MMMM");
}

/** "HH:mm" in the clinic's zone, the shape the agent sends back when it books. */
export function clockTime(at: number | Date, timeZone: string): string {
  return format(new TZDate(+at, timeZone), "HH:mm");
}

/** "9:30 AM, 10:00 AM and 11:30 AM" ("… और …" in Hindi). */
export function spokenList(items: readonly string[], language?: LanguageTag): string {
  if (items.length <= 1) return items.join("");
  const and = language && speaksHindi(language) ? "और" : "and";
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

/** "3:00 PM on Tuesday 1 December", "मंगलवार, 1 दिसंबर को दोपहर 3:00 बजे". */
export function spokenMoment(at: number | Date, timeZone: string, language?: LanguageTag): string {
  if (language && speaksHindi(language)) return `${spokenDay(at, timeZone, language)} को ${spokenTime(at, timeZone, language)}`;
  return `${spokenTime(at, timeZone)} on ${spokenDay(at, timeZone)}`;
}
