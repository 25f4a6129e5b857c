import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { CallbackTarget } from "@/lib/callbacks/schemas";

const contactSelect = { id: true, name: true, phoneNumber: true, timezone: true, consentBasis: true } as const;
const callSelect = { id: true, conversationId: true, agentId: true } as const;

/** The patient and the conversation to pick up from: the call asked about, or the contact's latest conversation. */
export async function resolveCallbackTarget(organizationId: string, target: CallbackTarget) {
  if (target.callId) {
    const call = await getDb().call.findFirst({ where: { id: target.callId, organizationId }, select: { ...callSelect, contact: { select: contactSelect } } });
    if (!call) throw notFound("Call");
    if (!call.contact)
      throw new AppError("unprocessable", "This caller is not in your contacts yet. Add them to contacts first, then schedule the call back.", {
        issues: [{ path: "callId", message: "The call has no contact" }],
      });
    const { contact, ...sourceCall } = call;
    return { contact, sourceCall };
  }
  const contact = await getDb().contact.findFirst({ where: { id: target.contactId!, organizationId }, select: contactSelect });
  if (!contact) throw notFound("Contact");
  const sourceCall = await getDb().call.findFirst({
    where: { organizationId, contactId: contact.id, status: "COMPLETED", conversationId: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: callSelect,
  });
  return { contact, sourceCall };
}
