import { getDb } from "@/lib/db";
import { effectiveLanguage, parseLanguage, type LanguageTag } from "@/lib/language/supported-languages";

export interface ClinicLanguage {
  locale: string;
  defaultLanguage: string | null;
}

/**
 * The language an agent action answers in: one the tool states (a tool bound to {{language}}), else the
 * language of the contact with the patient's number, else the clinic's default. One indexed read; a
 * language that is not on the list is ignored rather than refused, so it never costs the caller an answer.
 */
export async function callerLanguage(organizationId: string, clinic: ClinicLanguage, phone: string | null, stated?: string): Promise<LanguageTag> {
  const explicit = stated ? parseLanguage(stated) : null;
  if (explicit) return explicit;
  const contact = phone
    ? await getDb().contact.findUnique({ where: { organizationId_phoneNumber: { organizationId, phoneNumber: phone } }, select: { language: true } })
    : null;
  return effectiveLanguage(contact?.language, clinic.defaultLanguage ?? clinic.locale);
}
