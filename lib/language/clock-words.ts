import { hindiClock } from "@/lib/language/hindi-clock";
import { speaksHindi, type LanguageTag } from "@/lib/language/supported-languages";

/** A minute of the day in words: 540 → "9:00 AM" (in Hindi "सुबह 9:00 बजे"). English unless a language says otherwise. */
export function clockWords(minute: number, language?: LanguageTag): string {
  const hour = Math.floor(minute / 60) % 24;
  if (language && speaksHindi(language)) return hindiClock(hour, minute % 60);
  return `${hour % 12 || 12}:${String(minute % 60).padStart(2, "0")} ${hour < 12 ? "AM" : "PM"}`;
}
