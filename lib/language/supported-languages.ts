import { z } from "zod";

/**
 * The languages Callboard speaks to patients in: a bounded list, because each one needs its greeting and
 * the agent's spoken answers written for it (lib/language/…), not just an Intl locale. BCP 47 tags; the
 * region picks the date and time format. `elevenLabs` is the code ElevenLabs' `language` override takes
 * (ISO 639-1: the agent's speech recognition and voice).
 */
export const SUPPORTED_LANGUAGES = [
  { tag: "en-AU", label: "English (Australia)", elevenLabs: "en" },
  { tag: "en-CA", label: "English (Canada)", elevenLabs: "en" },
  { tag: "en-GB", label: "English (United Kingdom)", elevenLabs: "en" },
  { tag: "en-IE", label: "English (Ireland)", elevenLabs: "en" },
  { tag: "en-IN", label: "English (India)", elevenLabs: "en" },
  { tag: "en-NZ", label: "English (New Zealand)", elevenLabs: "en" },
  { tag: "en-US", label: "English (United States)", elevenLabs: "en" },
  { tag: "hi-IN", label: "Hindi (India)", elevenLabs: "hi" },
] as const;

export type LanguageTag = (typeof SUPPORTED_LANGUAGES)[number]["tag"];

export const FALLBACK_LANGUAGE: LanguageTag = "en-US";

const BY_LOWER = new Map<string, LanguageTag>(SUPPORTED_LANGUAGES.map((l) => [l.tag.toLowerCase(), l.tag]));
// What staff write in a spreadsheet besides the tag; "en" alone is ambiguous (which date format?) and refused.
const ALIASES = new Map<string, LanguageTag>([
  ["hi", "hi-IN"],
  ["hindi", "hi-IN"],
]);

/** "hi-in", "HI_IN", "Hindi" → "hi-IN"; anything not on the list → null. */
export function parseLanguage(input: string): LanguageTag | null {
  const key = input.trim().toLowerCase().replace(/_/g, "-");
  return BY_LOWER.get(key) ?? ALIASES.get(key) ?? null;
}

export function isLanguageTag(value: unknown): value is LanguageTag {
  return typeof value === "string" && BY_LOWER.get(value.toLowerCase()) === value;
}

export const LANGUAGE_HINT = `Use one of ${SUPPORTED_LANGUAGES.map((l) => l.tag).join(", ")}`;

/** A required language (the clinic's default). */
export const languageSchema = z
  .string()
  .trim()
  .max(35)
  .transform((value, ctx) => {
    const tag = parseLanguage(value);
    if (!tag) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a language Callboard speaks. ${LANGUAGE_HINT}` });
      return z.NEVER;
    }
    return tag;
  });

/** A contact's language: "" and null mean the clinic's default (null), undefined means "not given". */
export const optionalLanguageSchema = z
  .union([z.string().max(35), z.null()])
  .optional()
  .transform((value, ctx): LanguageTag | null | undefined => {
    if (value === undefined) return undefined;
    if (value === null || !value.trim()) return null;
    const tag = parseLanguage(value);
    if (!tag) {
      ctx.addIssue({
        code: "custom",
        message: `"${value.trim()}" is not a language Callboard speaks. ${LANGUAGE_HINT}, or leave it empty for the clinic's default`,
      });
      return z.NEVER;
    }
    return tag;
  });

/**
 * The language one patient is spoken to in: their own, else the clinic's default. A stored value no
 * longer on the list (edited by hand) falls back rather than failing the call.
 */
export function effectiveLanguage(contactLanguage: string | null | undefined, clinicDefault: string | null | undefined): LanguageTag {
  if (isLanguageTag(contactLanguage)) return contactLanguage;
  if (isLanguageTag(clinicDefault)) return clinicDefault;
  return FALLBACK_LANGUAGE;
}

/** The code sent as ElevenLabs' `conversation_config_override.agent.language`. */
export function elevenLabsLanguage(tag: LanguageTag): string {
  return SUPPORTED_LANGUAGES.find((l) => l.tag === tag)!.elevenLabs;
}

export function languageLabel(tag: string): string {
  return SUPPORTED_LANGUAGES.find((l) => l.tag === tag)?.label ?? tag;
}

/** Hindi answers need their own sentences; every English variant shares the English ones. */
export function speaksHindi(tag: LanguageTag): boolean {
  return tag.startsWith("hi");
}

/** One sentence in the caller's language: the English one for every English variant. */
export function inLanguage(language: LanguageTag, words: { en: string; hi: string }): string {
  return speaksHindi(language) ? words.hi : words.en;
}
