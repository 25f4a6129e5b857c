import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { addToDoNotCall } from "@/lib/compliance/do-not-call/add-to-do-not-call";
import { removeNumberFromDoNotCall } from "@/lib/compliance/do-not-call/remove-from-do-not-call";
import { recordAuditEvent } from "@/lib/compliance/record-audit-event";
import type { ContactActor } from "@/lib/contacts/apply-do-not-call-change";

/** The new number was listed because the old one was: the answer says so. */
export interface DoNotCallCarriedOver {
  /** The old number (E.164), whose entry stays on the list. */
  fromPhoneNumber: string;
  reason: string | null;
}

/**
 * A contact whose number is changed keeps the do-not-call status it had: the list is kept by number, so
 * without this a new number would make a patient who opted out callable — taking them off the list, which
 * only owners and admins may do, by editing a field every member can edit. When the old number is listed:
 * - the edit leaves the tick alone (or ticks it): the new number is listed too, with the old entry's reason
 *   and the source NUMBER_CHANGED, audited as an addition naming the old number; the old entry stays (the
 *   number may come back, or ring the same patient);
 * - the edit unticks "Do not call" too: that takes the patient off the list, so only an owner or admin may,
 *   and then the old entry comes off (audited as a removal); staff get the usual 403 and nothing is saved.
 * Returns what was carried over, or null. Runs in the edit's transaction, before it takes the do-not-call
 * lock (last), so the number and its listing commit together.
 */
export async function keepDoNotCallOnNewNumber(
  tx: DbClient,
  organizationId: string,
  actor: ContactActor,
  contact: { id: string; oldPhoneNumber: string; newPhoneNumber: string },
  doNotCall: boolean | undefined,
): Promise<DoNotCallCarriedOver | null> {
  if (contact.oldPhoneNumber === contact.newPhoneNumber) return null;
  const old = await tx.doNotCallEntry.findUnique({
    where: { organizationId_phoneNumber: { organizationId, phoneNumber: contact.oldPhoneNumber } },
    select: { reason: true },
  });
  if (!old) return null;
  if (doNotCall === false) {
    if (!can(actor.role, "doNotCall.remove")) throw new AppError("forbidden", "Only an admin can take a number off the do-not-call list.");
    await removeNumberFromDoNotCall(tx, organizationId, actor, contact.oldPhoneNumber);
    return null;
  }
  const { entry, added } = await addToDoNotCall(tx, {
    organizationId,
    phoneNumber: contact.newPhoneNumber,
    reason: old.reason,
    source: "NUMBER_CHANGED",
    addedBy: actor,
  });
  if (!added) return null;
  await recordAuditEvent(tx, {
    organizationId,
    action: "DO_NOT_CALL_ADDED",
    actor,
    targetType: "do_not_call_entry",
    targetId: entry.id,
    data: { phoneNumber: contact.newPhoneNumber, source: "NUMBER_CHANGED", previousPhoneNumber: contact.oldPhoneNumber, contactId: contact.id },
  });
  return { fromPhoneNumber: contact.oldPhoneNumber, reason: old.reason };
}
