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

/** The organization's calling rules and defaults, as scheduling and the dispatcher read them. */
export async function loadCallingRules(organizationId: string) {
  return getDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      ...callingRulesSelect,
      name: true,
      defaultCountry: true,
      locale: true,
      defaultLanguage: true,
      elevenLabsAgentId: true,
      elevenLabsPhoneNumberId: true,
    },
  });
}

export type OrganizationCallingRules = Awaited<ReturnType<typeof loadCallingRules>>;
