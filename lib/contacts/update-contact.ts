import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { doNotCallChange, restrictsCalls, updateContactData } from "@/lib/contacts/contact-data";
import { lockDoNotCallForChange } from "@/lib/compliance/do-not-call/do-not-call-lock";
import { applyDoNotCallChange, type ContactActor } from "@/lib/contacts/apply-do-not-call-change";
import { contactWithDoNotCall } from "@/lib/contacts/contact-with-do-not-call";
import { keepDoNotCallOnNewNumber } from "@/lib/contacts/keep-do-not-call-on-new-number";
import { isPhoneUniqueViolation, phoneConflictError } from "@/lib/contacts/phone-conflict";
import { recordConsentChange, type ConsentFields } from "@/lib/contacts/record-consent-change";
import type { UpdateContactInput } from "@/lib/contacts/schemas";

/**
 * Updates a contact of the organization; the tenant check is part of every query. A new number for a
 * listed contact is listed too (keepDoNotCallOnNewNumber), and a consent change is audited.
 */
export async function updateContact(organization: { id: string; defaultCountry: string }, actor: ContactActor, id: string, input: UpdateContactInput) {
  const data = updateContactData(input, organization.defaultCountry);
  try {
    const { contact, doNotCallCarriedOver } = await getDb().$transaction(async (tx) => {
      // The row as this edit finds it, held until it commits (the lock its update takes anyway; the update
      // raises it to FOR UPDATE when the number changes, as before), so the number and consent it replaces
      // are the ones the list and the audit log are told about, whatever another edit does meanwhile.
      const [before] = await tx.$queryRaw<Array<ConsentFields & { phoneNumber: string }>>`
        SELECT "phoneNumber", "consentBasis"::text AS "consentBasis", "consentSource", "consentDate"
          FROM "Contact" WHERE "id" = ${id} AND "organizationId" = ${organization.id}
           FOR NO KEY UPDATE`;
      if (!before) throw notFound("Contact");
      const { count } = await tx.contact.updateMany({ where: { id, organizationId: organization.id }, data });
      if (count === 0) throw notFound("Contact");
      const updated = await tx.contact.findFirstOrThrow({ where: { id, organizationId: organization.id } });
      const carried = await keepDoNotCallOnNewNumber(
        tx,
        organization.id,
        actor,
        { id, oldPhoneNumber: before.phoneNumber, newPhoneNumber: updated.phoneNumber },
        input.doNotCall,
      );
      await applyDoNotCallChange(tx, organization.id, actor, updated.phoneNumber, doNotCallChange(input));
      await recordConsentChange(tx, organization.id, actor, updated, before, updated);
      // Last (see restrictsCalls): a number carried over is a number listed.
      if (restrictsCalls(input) || carried) await lockDoNotCallForChange(tx, organization.id);
      return { contact: updated, doNotCallCarriedOver: carried };
    });
    return { contact: await contactWithDoNotCall(contact), doNotCallCarriedOver };
  } catch (error) {
    if (isPhoneUniqueViolation(error) && data.phoneNumber) {
      throw await phoneConflictError(organization.id, data.phoneNumber, organization.defaultCountry);
    }
    throw error;
  }
}
