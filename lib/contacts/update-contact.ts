import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { doNotCallChange, restrictsCalls, updateContactData } from "@/lib/contacts/contact-data";
import { lockDoNotCallForChange } from "@/lib/compliance/do-not-call/do-not-call-lock";
import { applyDoNotCallChange, type ContactActor } from "@/lib/contacts/apply-do-not-call-change";
import { contactWithDoNotCall } from "@/lib/contacts/contact-with-do-not-call";
import { isPhoneUniqueViolation, phoneConflictError } from "@/lib/contacts/phone-conflict";
import type { UpdateContactInput } from "@/lib/contacts/schemas";

/** Updates a contact of the organization; the tenant check is part of the update's where. */
export async function updateContact(organization: { id: string; defaultCountry: string }, actor: ContactActor, id: string, input: UpdateContactInput) {
  const data = updateContactData(input, organization.defaultCountry);
  try {
    const contact = await getDb().$transaction(async (tx) => {
      const { count } = await tx.contact.updateMany({ where: { id, organizationId: organization.id }, data });
      if (count === 0) throw notFound("Contact");
      const updated = await tx.contact.findFirstOrThrow({ where: { id, organizationId: organization.id } });
      await applyDoNotCallChange(tx, organization.id, actor, updated.phoneNumber, doNotCallChange(input));
      // Last (see restrictsCalls).
      if (restrictsCalls(input)) await lockDoNotCallForChange(tx, organization.id);
      return updated;
    });
    return contactWithDoNotCall(contact);
  } catch (error) {
    if (isPhoneUniqueViolation(error) && data.phoneNumber) {
      throw await phoneConflictError(organization.id, data.phoneNumber, organization.defaultCountry);
    }
    throw error;
  }
}
