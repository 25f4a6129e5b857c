import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";

/**
 * Deletes a contact of the organization for good. Its call history stays: Call.contactId is set to
 * null by the foreign key (the calls keep their number, transcript and outcome). Its scheduled calls
 * go with it (cascade), so a pending one can never ring a number staff have just removed.
 */
export async function deleteContact(organizationId: string, id: string): Promise<void> {
  const { count } = await getDb().contact.deleteMany({ where: { id, organizationId } });
  if (count === 0) throw notFound("Contact");
}
