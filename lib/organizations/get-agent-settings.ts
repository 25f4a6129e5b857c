import { getDb } from "@/lib/db";

/** The default agent and number, with the section's version for a form that saves them (settings-version.ts). */
export async function getAgentSettings(organizationId: string) {
  const { agentSettingsVersion: version, ...settings } = await getDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { elevenLabsAgentId: true, elevenLabsPhoneNumberId: true, agentSettingsVersion: true },
  });
  return { ...settings, version };
}
