import { getDb } from "@/lib/db";
import { createContacts, fictionalPhone } from "./contacts";
import { createOrganization } from "./index";
import { registerLine } from "./lines";
import { zoneAtNoon } from "./clock-zones";

export { zoneAtNight, zoneAtNoon } from "./clock-zones";

/**
 * A clinic that calls every day around the clock (legal hours still apply), with an agent set. Its
 * frequency caps are loose (10 a day, 50 a week) unless given: these tests retry one patient minutes apart;
 * the caps have their own tests (tests/integration/compliance).
 */
export async function createDispatchOrganization(
  overrides: Partial<{
    concurrencyLimit: number;
    maxAttempts: number;
    retryVoicemail: boolean;
    staleCallMinutes: number;
    maxCallsPerDay: number;
    maxCallsPerWeek: number;
    overCapAction: "DEFER" | "SKIP";
  }> = {},
) {
  const organization = await createOrganization({ timezone: zoneAtNoon() });
  await registerLine(organization.id);
  return getDb().organization.update({
    where: { id: organization.id },
    data: {
      callingDays: [1, 2, 3, 4, 5, 6, 7],
      callingWindowStart: 0,
      callingWindowEnd: 1440,
      concurrencyLimit: overrides.concurrencyLimit ?? 10,
      maxAttempts: overrides.maxAttempts ?? 3,
      retryVoicemail: overrides.retryVoicemail ?? true,
      staleCallMinutes: overrides.staleCallMinutes ?? 20,
      maxCallsPerDay: overrides.maxCallsPerDay ?? 10,
      maxCallsPerWeek: overrides.maxCallsPerWeek ?? 50,
      overCapAction: overrides.overCapAction ?? "DEFER",
    },
  });
}

/**
 * `count` contacts (numbers from `offset`, recipients in a zone where it is daytime) each with one
 * ScheduledCall due a second ago. Returns the contacts with their scheduled call ids.
 */
export async function createDueCalls(
  organizationId: string,
  count: number,
  options: { offset?: number; maxAttempts?: number; timezone?: string; dueAt?: Date } = {},
) {
  const contacts = await createContacts(organizationId, count, () => ({}), options.offset ?? 0);
  await getDb().contact.updateMany({ where: { organizationId }, data: { timezone: options.timezone ?? zoneAtNoon() } });
  const scheduledTime = options.dueAt ?? new Date(Date.now() - 1_000);
  const line = await getDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { elevenLabsAgentId: true, elevenLabsPhoneNumberId: true },
  });
  await getDb().scheduledCall.createMany({
    data: contacts.map((contact) => ({
      organizationId,
      contactId: contact.id,
      agentId: line.elevenLabsAgentId ?? "agent_unregistered",
      fromNumber: line.elevenLabsPhoneNumberId ?? "phnum_unregistered",
      scheduledTime,
      maxAttempts: options.maxAttempts ?? 3,
    })),
  });
  return contacts;
}

export { fictionalPhone };
