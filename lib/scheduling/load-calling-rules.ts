import { getDb } from "@/lib/db";

/** The rules staff set in Settings → Calling hours and retries. */
export const callingRulesSelect = {
  timezone: true,
  callingDays: true,
  callingWindowStart: true,
  callingWindowEnd: true,
  staggerMinutes: true,
  maxAttempts: true,
  concurrencyLimit: true,
  retryVoicemail: true,
  staleCallMinutes: true,
  maxCallsPerDay: true,
  maxCallsPerWeek: true,
  overCapAction: true,
  transcriptRetentionDays: true,
} as const;

/** The calling rules and the defaults a call is placed with (name, country, language, line). */
export const organizationRulesSelect = {
  ...callingRulesSelect,
  name: true,
  defaultCountry: true,
  locale: true,
  defaultLanguage: true,
  elevenLabsAgentId: true,
  elevenLabsPhoneNumberId: true,
} as const;

/** The organization's calling rules and defaults, as scheduling reads them (the dispatcher reads them with each dial's checks). */
export async function loadCallingRules(organizationId: string) {
  return getDb().organization.findUniqueOrThrow({ where: { id: organizationId }, select: organizationRulesSelect });
}

export type OrganizationCallingRules = Awaited<ReturnType<typeof loadCallingRules>>;
