import { getDb } from "@/lib/db";

/** The organization's calling rules and defaults, as scheduling and the dispatcher read them. */
export async function loadCallingRules(organizationId: string) {
  return getDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      name: true,
      timezone: true,
      defaultCountry: true,
      locale: true,
      callingDays: true,
      callingWindowStart: true,
      callingWindowEnd: true,
      staggerMinutes: true,
      maxAttempts: true,
      concurrencyLimit: true,
      retryVoicemail: true,
      staleCallMinutes: true,
      elevenLabsAgentId: true,
      elevenLabsPhoneNumberId: true,
    },
  });
}

export type OrganizationCallingRules = Awaited<ReturnType<typeof loadCallingRules>>;
