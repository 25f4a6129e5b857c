import { getDb } from "@/lib/db";
import type { AgentSettingsInput } from "@/lib/organizations/schemas";

/** Sets the ElevenLabs agent and phone number the organization's calls use by default. */
export async function updateAgentSettings(organizationId: string, input: AgentSettingsInput) {
  return getDb().organization.update({
    where: { id: organizationId },
    data: { elevenLabsAgentId: input.elevenLabsAgentId, elevenLabsPhoneNumberId: input.elevenLabsPhoneNumberId },
    select: { elevenLabsAgentId: true, elevenLabsPhoneNumberId: true },
  });
}
