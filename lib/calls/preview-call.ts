import { resolveCallTarget } from "@/lib/calls/resolve-call-target";

/** What the call dialog shows before "Call Now": the defaults and what the agent will know. */
export async function previewCall(organizationId: string, contactId: string, now = new Date()) {
  const { contact, agentId, agentPhoneNumberId, dynamicVariables } = await resolveCallTarget(organizationId, { contactId, now });
  return {
    contact: { id: contact.id, name: contact.name, phoneNumber: contact.phoneNumber, doNotCall: contact.doNotCall, doNotCallReason: contact.doNotCallReason },
    agentId,
    agentPhoneNumberId,
    dynamicVariables,
  };
}
