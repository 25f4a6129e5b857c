import { resolveCallTarget } from "@/lib/calls/resolve-call-target";

/** What the call dialog shows before "Call Now": the clinic's default line and what the agent will know. */
export async function previewCall(organizationId: string, contactId: string, now = new Date()) {
  const { contact, organization, dynamicVariables, doNotCall, noConsent } = await resolveCallTarget(organizationId, { contactId, now });
  return {
    contact: {
      id: contact.id,
      name: contact.name,
      phoneNumber: contact.phoneNumber,
      doNotCall: doNotCall !== null,
      doNotCallReason: doNotCall?.reason ?? null,
      /** Consent recorded as none: "Call now" is refused, as for do-not-call. */
      noConsent,
    },
    agentId: organization.elevenLabsAgentId,
    agentPhoneNumberId: organization.elevenLabsPhoneNumberId,
    dynamicVariables,
  };
}
