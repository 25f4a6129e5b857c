import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { doNotCallWords, findDoNotCall } from "@/lib/compliance/do-not-call/find-do-not-call";
import { consentRefusal, NO_CONSENT_WORDS } from "@/lib/compliance/consent";
import type { ConsentBasis } from "@/lib/generated/prisma/enums";

/**
 * Staff cannot call this patient back (409): their number is on the do-not-call list, or their consent is
 * recorded as none. Asked before a call back is offered a time (the dialog) and before one is written.
 */
export async function refuseUncallable(
  organizationId: string,
  contact: { name: string; phoneNumber: string; consentBasis: ConsentBasis | null },
): Promise<void> {
  const doNotCall = await findDoNotCall(getDb(), organizationId, contact.phoneNumber);
  if (doNotCall) throw new AppError("conflict", `${contact.name} is ${doNotCallWords(doNotCall)}, so no call back can be scheduled.`);
  if (consentRefusal(contact.consentBasis))
    throw new AppError("conflict", `${contact.name} ${NO_CONSENT_WORDS} (their consent is recorded as none), so no call back can be scheduled.`);
}
