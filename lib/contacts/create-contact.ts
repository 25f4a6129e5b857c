import { getDb } from "@/lib/db";
import { createContactData } from "@/lib/contacts/contact-data";
import { isPhoneUniqueViolation, phoneConflictError } from "@/lib/contacts/phone-conflict";
import type { CreateContactInput } from "@/lib/contacts/schemas";

export async function createContact(organization: { id: string; defaultCountry: string }, input: CreateContactInput) {
  const data = createContactData(input, organization.defaultCountry);
  try {
    return await getDb().contact.create({ data: { ...data, organizationId: organization.id } });
  } catch (error) {
    if (isPhoneUniqueViolation(error)) throw await phoneConflictError(organization.id, data.phoneNumber, organization.defaultCountry);
    throw error;
  }
}
