import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { updateContactData } from "@/lib/contacts/contact-data";
import { isPhoneUniqueViolation, phoneConflictError } from "@/lib/contacts/phone-conflict";
import type { UpdateContactInput } from "@/lib/contacts/schemas";

/** Updates a contact of the organization; the tenant check is part of the update's where. */
export async function updateContact(organization: { id: string; defaultCountry: string }, id: string, input: UpdateContactInput) {
  const data = updateContactData(input, organization.defaultCountry);
  try {
    const { count } = await getDb().contact.updateMany({ where: { id, organizationId: organization.id }, data });
    if (count === 0) throw notFound("Contact");
  } catch (error) {
    if (isPhoneUniqueViolation(error) && data.phoneNumber) {
      throw await phoneConflictError(organization.id, data.phoneNumber, organization.defaultCountry);
    }
    throw error;
  }
  return getDb().contact.findFirstOrThrow({ where: { id, organizationId: organization.id } });
}
