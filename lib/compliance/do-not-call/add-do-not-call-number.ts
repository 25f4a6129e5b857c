import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import { addToDoNotCall } from "@/lib/compliance/do-not-call/add-to-do-not-call";
import { lockDoNotCallForChange } from "@/lib/compliance/do-not-call/do-not-call-lock";
import type { AddDoNotCallInput } from "@/lib/compliance/do-not-call/schemas";

/** Staff add a number (a contact's or not) from settings; audited when it is new to the list. */
export async function addDoNotCallNumber(organization: { id: string; defaultCountry: string }, actor: AuditActor, input: AddDoNotCallInput) {
  const phone = normalizePhone(input.phoneNumber, organization.defaultCountry);
  if (!phone.ok) throw new AppError("invalid_input", phone.message, { issues: [{ path: "phoneNumber", message: phone.message }] });
  return getDb().$transaction(async (tx) => {
    const result = await addToDoNotCall(tx, {
      organizationId: organization.id,
      phoneNumber: phone.e164,
      reason: input.reason,
      source: "STAFF",
      addedBy: actor,
    });
    if (result.added) {
      await recordAuditEvent(tx, {
        organizationId: organization.id,
        action: "DO_NOT_CALL_ADDED",
        actor,
        targetType: "do_not_call_entry",
        targetId: result.entry.id,
        data: { phoneNumber: phone.e164, source: "STAFF" },
      });
      // Last: a dial in flight to the number either saw the entry or was marked sent before it commits.
      await lockDoNotCallForChange(tx, organization.id);
    }
    return result;
  });
}
