import { getCountries } from "libphonenumber-js";
import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { languageSchema } from "@/lib/language/supported-languages";
import { settingsVersionSchema } from "@/lib/organizations/settings-version";

const COUNTRIES = new Set<string>(getCountries());

import { isIanaTimeZone } from "@/lib/time/iana-time-zone";

export const timeZoneSchema = z.string().trim().refine(isIanaTimeZone, { message: "Use an IANA time zone such as Australia/Sydney" });

export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => COUNTRIES.has(c), { message: "Use a two-letter country code such as AU, US or GB" });

export const localeSchema = z
  .string()
  .trim()
  .refine(
    (tag) => {
      try {
        return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
      } catch {
        return false;
      }
    },
    { message: "Use a locale such as en-AU or en-US" },
  );

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(120),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  password: z.string().min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`).max(200),
  organizationName: z.string().trim().min(2, "Enter your clinic's name").max(120),
  timezone: timeZoneSchema,
  defaultCountry: countrySchema,
  locale: localeSchema.optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const switchOrganizationSchema = z.object({ organizationId: z.string().min(1).max(64) });

/** An ElevenLabs id as pasted from its dashboard; blank clears the setting. */
const providerIdSetting = z
  .string()
  .trim()
  .max(128)
  .regex(/^[A-Za-z0-9_-]*$/, "Paste the ID exactly as ElevenLabs shows it (letters, digits, _ and -)")
  .transform((value) => value || null)
  .nullable();

export const agentSettingsSchema = z.object({
  elevenLabsAgentId: providerIdSetting,
  elevenLabsPhoneNumberId: providerIdSetting,
  /** The section's version the form loaded (lib/organizations/settings-version.ts); absent: last writer wins. */
  version: settingsVersionSchema,
});
export type AgentSettingsInput = z.infer<typeof agentSettingsSchema>;

const clockTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use a 24-hour time such as 09:00 or 17:30");
const toMinute = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Calling hours and dispatch rules (OWNER/ADMIN). Times are wall-clock in the clinic's zone. */
export const callingRulesSchema = z
  .object({
    timezone: timeZoneSchema,
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    callingDays: z
      .array(z.number().int().min(1).max(7))
      .min(1, "Pick at least one calling day")
      .max(7)
      .refine((days) => new Set(days).size === days.length, "Each day at most once")
      .transform((days) => [...days].sort((a, b) => a - b)),
    callingWindowStart: clockTime,
    callingWindowEnd: clockTime,
    staggerMinutes: z.number().int().min(1, "At least 1 minute between calls").max(60, "At most 60 minutes between calls"),
    maxAttempts: z.number().int().min(1, "At least 1 attempt").max(10, "At most 10 attempts"),
    concurrencyLimit: z.number().int().min(1, "At least 1 call at once").max(50, "At most 50 calls at once"),
    retryVoicemail: z.boolean(),
    staleCallMinutes: z.number().int().min(5, "At least 5 minutes").max(240, "At most 240 minutes"),
    /** Calls per patient per day and per 7 days; 1 and 3 are the HIPAA health-care exemption's limits. */
    maxCallsPerDay: z.number().int().min(1, "At least 1 call a day").max(10, "At most 10 calls a day"),
    maxCallsPerWeek: z.number().int().min(1, "At least 1 call a week").max(50, "At most 50 calls a week"),
    overCapAction: z.enum(["DEFER", "SKIP"], { error: "Choose DEFER (move the call) or SKIP (do not place it)" }),
    /** Transcripts and analysis older than this are deleted by the cron run (the call and its outcome stay). */
    transcriptRetentionDays: z.number().int().min(30, "Keep transcripts at least 30 days").max(3650, "At most 3,650 days (10 years)"),
    /** The section's version the form loaded (lib/organizations/settings-version.ts); absent: last writer wins. */
    version: settingsVersionSchema,
  })
  .partial()
  // The version alone changes nothing.
  .refine((rules) => Object.entries(rules).some(([key, value]) => key !== "version" && value !== undefined), { message: "Nothing to change" })
  .transform((rules) => ({
    ...rules,
    callingWindowStart: rules.callingWindowStart === undefined ? undefined : toMinute(rules.callingWindowStart),
    callingWindowEnd: rules.callingWindowEnd === undefined ? undefined : toMinute(rules.callingWindowEnd),
  }));
export type CallingRulesInput = z.infer<typeof callingRulesSchema>;

/**
 * Opening hours for appointments, per weekday, and the slot length (OWNER/ADMIN). Times are wall-clock
 * in the clinic's zone; a weekday left out is closed.
 */
export const openingHoursSchema = z
  .object({
    openingHours: z
      .array(z.object({ day: z.number().int().min(1).max(7), start: clockTime, end: clockTime }))
      .max(7)
      .refine((days) => new Set(days.map((d) => d.day)).size === days.length, "Each day at most once")
      .refine((days) => days.every((d) => toMinute(d.start) < toMinute(d.end)), "Each day must open before it closes (e.g. 09:00 to 17:00)")
      .transform((days) => days.map((d) => ({ day: d.day, start: toMinute(d.start), end: toMinute(d.end) })).sort((a, b) => a.day - b.day)),
    appointmentSlotMinutes: z.number().int().min(5, "Slots are at least 5 minutes").max(240, "Slots are at most 240 minutes"),
    /** The section's version the form loaded (lib/organizations/settings-version.ts); absent: last writer wins. */
    version: settingsVersionSchema,
  })
  .partial()
  .refine((input) => input.openingHours !== undefined || input.appointmentSlotMinutes !== undefined, { message: "Nothing to change" });
export type OpeningHoursInput = z.infer<typeof openingHoursSchema>;

/** The language patients are spoken to in unless their contact names another (OWNER/ADMIN). */
export const defaultLanguageSettingsSchema = z.object({
  defaultLanguage: languageSchema,
  /** The section's version the form loaded (lib/organizations/settings-version.ts); absent: last writer wins. */
  version: settingsVersionSchema,
});
export type DefaultLanguageSettingsInput = z.infer<typeof defaultLanguageSettingsSchema>;
