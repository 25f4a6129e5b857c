import { getDb } from "@/lib/db";
import { createContactData, doNotCallChange, restrictsCalls } from "@/lib/contacts/contact-data";
import { lockDoNotCallForChange } from "@/lib/compliance/do-not-call/do-not-call-lock";
import { applyDoNotCallChange, type ContactActor } from "@/lib/contacts/apply-do-not-call-change";
import { contactWithDoNotCall } from "@/lib/contacts/contact-with-do-not-call";
import { isPhoneUniqueViolation, phoneConflictError } from "@/lib/contacts/phone-conflict";
import type { CreateContactInput } from "@/lib/contacts/schemas";

export async function createContact(organization: { id: string; defaultCountry: string }, actor: ContactActor, input: CreateContactInput) {
  const data = createContactData(input, organization.defaultCountry);
  try {
    const contact = await getDb().$transaction(async (tx) => {
      const created = await tx.contact.create({ data: { ...data, organizationId: organization.id } });
      await applyDoNotCallChange(tx, organization.id, actor, created.phoneNumber, doNotCallChange(input));
      // Last (see restrictsCalls): a test call in flight to the number listed here.
      if (restrictsCalls(input)) await lockDoNotCallForChange(tx, organization.id);
      return created;
    });
    return contactWithDoNotCall(contact);
  } catch (error) {
    if (isPhoneUniqueViolation(error)) throw await phoneConflictError(organization.id, data.phoneNumber, organization.defaultCountry);
    throw error;
  }
}
