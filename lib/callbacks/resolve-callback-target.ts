import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { CallbackTarget } from "@/lib/callbacks/schemas";

const contactSelect = { id: true, name: true, phoneNumber: true, timezone: true, consentBasis: true } as const;
const callSelect = { id: true, conversationId: true, agentId: true } as const;

/** The patient a call back is for — the contact named, or the call's — and that call when one was named. */
export async function findCallbackPatient(organizationId: string, target: CallbackTarget) {
  if (target.callId) {
    const call = await getDb().call.findFirst({ where: { id: target.callId, organizationId }, select: { ...callSelect, contact: { select: contactSelect } } });
    if (!call) throw notFound("Call");
    if (!call.contact)
      throw new AppError("unprocessable", "This caller is not in your contacts yet. Add them to contacts first, then schedule the call back.", {
        issues: [{ path: "callId", message: "The call has no contact" }],
      });
    const { contact, ...named } = call;
    return { contact, call: named };
  }
  const contact = await getDb().contact.findFirst({ where: { id: target.contactId!, organizationId }, select: contactSelect });
  if (!contact) throw notFound("Contact");
  return { contact, call: null };
}

/** The patient and the conversation to pick up from: the call asked about, or the contact's latest conversation. */
export async function resolveCallbackTarget(organizationId: string, target: CallbackTarget) {
  const { contact, call } = await findCallbackPatient(organizationId, target);
  const sourceCall =
    call ??
    (await getDb().call.findFirst({
      where: { organizationId, contactId: contact.id, status: "COMPLETED", conversationId: { not: null } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: callSelect,
    }));
  return { contact, sourceCall };
}
