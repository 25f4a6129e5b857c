import { toSnakeCase } from "@/lib/text/snake-case";
import { effectiveLanguage, isLanguageTag, type LanguageTag } from "@/lib/language/supported-languages";
import { greetingForHour } from "@/lib/language/greeting";
import { hindiClock } from "@/lib/language/hindi-clock";
import { dateTimeFormat, supportedLocale } from "@/lib/time/date-time-format";

export type ContactForVariables = {
  name: string;
  phoneNumber: string;
  email?: string | null;
  businessName?: string | null;
  businessWebsite?: string | null;
  /** Contact.customFields (Prisma Json): an object of field name → value. */
  customFields?: unknown;
  /** BCP 47 tag of the patient's language; null = the clinic's default. */
  language?: string | null;
};

export type OrganizationForVariables = {
  name: string;
  /** IANA zone, e.g. "Australia/Sydney". */
  timezone: string;
  /** BCP 47 tag, e.g. "en-AU": the date format when no supported language is known. */
  locale: string;
  /** The clinic's default patient language (lib/language/supported-languages.ts). */
  defaultLanguage?: string | null;
};

type VariableValue = string | number | boolean | null;

/**
 * The `dynamic_variables` the agent's prompt can use ({{contact_name}}, {{greeting}}, …).
 *
 * Precedence, lowest first: the contact's custom fields (keys in snake_case), then the standard
 * variables — so a custom column named "Greeting" cannot silently change what every call says —
 * then `overrides`, which are explicit for this call.
 *
 * Dates, times and the greeting are those of the clinic's own zone at `now`, never the server's, in the
 * patient's language (theirs, else the clinic's default): "Good afternoon", "22 November 2026" for en-AU,
 * "नमस्ते", "22 नवंबर 2026" for hi-IN. Pure: same input, same output.
 */
export function buildDynamicVariables({
  contact,
  organization,
  now,
  overrides = {},
}: {
  contact: ContactForVariables;
  organization: OrganizationForVariables;
  now: Date;
  overrides?: Record<string, VariableValue | undefined>;
}): Record<string, string> {
  return {
    ...customFieldVariables(contact.customFields),
    contact_name: contact.name.trim(),
    contact_phone: contact.phoneNumber,
    contact_email: contact.email ?? "",
    business_name: contact.businessName ?? "",
    business_website: contact.businessWebsite ?? "",
    ...clinicVariables(organization, now, contact.language),
    ...stringValues(overrides),
  };
}

/**
 * The language a call with this patient is held in: theirs, else the clinic's default, else (a clinic
 * row from before languages, a test) the clinic's locale when it is one Callboard speaks.
 */
export function conversationLanguage(organization: Pick<OrganizationForVariables, "locale" | "defaultLanguage">, contactLanguage?: string | null): LanguageTag {
  return effectiveLanguage(contactLanguage, organization.defaultLanguage ?? organization.locale);
}

/**
 * The clinic's name, today's date, the time and the greeting in the clinic's zone at `now`, worded in the
 * patient's language (`language` names it for the agent's prompt).
 */
export function clinicVariables(organization: OrganizationForVariables, now: Date, contactLanguage?: string | null) {
  const language = conversationLanguage(organization, contactLanguage);
  // Without any supported language on record the clinic's locale keeps deciding the format, as before languages.
  const known = isLanguageTag(contactLanguage) || isLanguageTag(organization.defaultLanguage) || isLanguageTag(organization.locale);
  const clock = clinicClock(now, organization.timezone, known ? language : organization.locale);
  return {
    clinic_name: organization.name,
    current_date: clock.date,
    current_time: clock.time,
    current_weekday: clock.weekday,
    greeting: greetingForHour(clock.hour, language),
    language,
  };
}

function clinicClock(now: Date, timeZone: string, locale: string) {
  const resolvedLocale = supportedLocale(locale);
  let clockParts: Intl.DateTimeFormatPart[];
  try {
    // h23 so midnight is 0 (some ICU versions print "24" with hour12: false).
    clockParts = dateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "numeric", hourCycle: "h23" }).formatToParts(now);
  } catch {
    throw new RangeError(`Organization timezone "${timeZone}" is not a valid IANA zone.`);
  }
  const part = (type: "hour" | "minute") => Number(clockParts.find((p) => p.type === type)?.value ?? 0);
  const format = (options: Intl.DateTimeFormatOptions) =>
    // ICU separates "2:05" and "PM" with a narrow no-break space; speech engines and templates want a plain space.
    dateTimeFormat(resolvedLocale, { timeZone, ...options })
      .format(now)
      .replace(/[\u202f\u00a0]/g, " ");
  const hour = part("hour");
  return {
    hour,
    date: format({ dateStyle: "long" }),
    time: resolvedLocale.startsWith("hi") ? hindiClock(hour, part("minute")) : format({ timeStyle: "short" }),
    weekday: format({ weekday: "long" }),
  };
}

function customFieldVariables(customFields: unknown): Record<string, string> {
  if (typeof customFields !== "object" || customFields === null || Array.isArray(customFields)) return {};
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(customFields)) {
    const key = toSnakeCase(name);
    if (key) variables[key] = variableText(value);
  }
  return variables;
}

function stringValues(values: Record<string, VariableValue | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) result[key] = variableText(value);
  }
  return result;
}

function variableText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
