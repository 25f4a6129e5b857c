import { getCountries } from "libphonenumber-js";
import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";

const COUNTRIES = new Set<string>(getCountries());

export function isIanaTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.includes("/") || value === "UTC";
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().trim().refine(isIanaTimeZone, { message: "Use an IANA time zone such as Australia/Sydney" });

export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => COUNTRIES.has(c), { message: "Use a two-letter country code such as AU, US or GB" });

export const localeSchema = z.string().trim().refine(
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
});
export type AgentSettingsInput = z.infer<typeof agentSettingsSchema>;
