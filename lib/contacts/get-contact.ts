import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { contactWithDoNotCall } from "@/lib/contacts/contact-with-do-not-call";

/** One contact of the organization; another organization's id is indistinguishable from a missing one. */
export async function getContact(organizationId: string, id: string) {
  const contact = await getDb().contact.findFirst({ where: { id, organizationId } });
  if (!contact) throw notFound("Contact");
  return contactWithDoNotCall(contact);
}
