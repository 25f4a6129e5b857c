import { listAgents } from "@/lib/agents/list-agents";
import { listPhoneNumbers } from "@/lib/phone-numbers/list-phone-numbers";
import { getAgentSettings } from "@/lib/organizations/get-agent-settings";
import { formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";
import type { DialLines } from "@/components/calls/dial-lines";

/** The clinic's own agents and numbers, as the call and schedule dialogs offer them (no token data). */
export async function loadDialLines(organization: { id: string; defaultCountry: string }): Promise<DialLines> {
  const [agents, numbers, defaults] = await Promise.all([listAgents(organization.id), listPhoneNumbers(organization.id), getAgentSettings(organization.id)]);
  return {
    agents: agents.map((a) => ({ value: a.agentId, label: a.name, detail: a.agentId })),
    phoneNumbers: numbers.map((n) => ({
      value: n.phoneNumberId,
      label: n.label,
      detail: n.e164 ? formatPhoneForDisplay(n.e164, organization.defaultCountry) : n.phoneNumberId,
    })),
    defaultAgentId: defaults.elevenLabsAgentId,
    defaultPhoneNumberId: defaults.elevenLabsPhoneNumberId,
  };
}
