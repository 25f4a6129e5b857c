import { speaksHindi, type LanguageTag } from "@/lib/language/supported-languages";

/** The greeting for the patient's local hour, in their language. */
export function greetingForHour(hour: number, language: LanguageTag = "en-US"): string {
  if (speaksHindi(language)) {
    // सुप्रभात (good morning), नमस्ते for the day, शुभ संध्या (good evening): what a Hindi-speaking receptionist says.
    if (hour < 12) return "सुप्रभात";
    if (hour < 18) return "नमस्ते";
    return "शुभ संध्या";
  }
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}
