import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { contactNameSchema } from "@/lib/contacts/schemas";
import { saveablePatientNumber } from "@/lib/calls/saveable-patient-number";

export const addCallerToContactsSchema = z.object({ name: contactNameSchema });
export type AddCallerToContactsInput = z.infer<typeof addCallerToContactsSchema>;

/**
 * "Add to contacts" on a call without one (an inbound call from an unknown number): the patient's number
 * becomes a contact — or the contact that already has it — and every call of the clinic with that patient
 * number and no contact is linked to it. Safe to repeat: the second time creates nothing and links nothing.
 */
export async function addCallerToContacts(organization: { id: string; defaultCountry: string }, callId: string, input: AddCallerToContactsInput) {
  const db = getDb();
  const call = await db.call.findFirst({
    where: { id: callId, organizationId: organization.id },
    select: { direction: true, fromNumber: true, toNumber: true, contactId: true },
  });
  if (!call) throw notFound("Call");
  const e164 = saveablePatientNumber(call, organization.defaultCountry);
  if (!e164) throw new AppError("unprocessable", "This call has no patient number that can be saved as a contact.");

  return db.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: a contact with this number (made meanwhile, or earlier) is kept as it is.
    const { count: created } = await tx.contact.createMany({
      data: [{ organizationId: organization.id, name: input.name, phoneNumber: e164 }],
      skipDuplicates: true,
    });
    const contact = await tx.contact.findUniqueOrThrow({
      where: { organizationId_phoneNumber: { organizationId: organization.id, phoneNumber: e164 } },
      select: { id: true, name: true, phoneNumber: true },
    });
    const { count: linkedCalls } = await tx.call.updateMany({
      where: {
        organizationId: organization.id,
        contactId: null,
        OR: [
          { direction: "INBOUND", fromNumber: e164 },
          { direction: "OUTBOUND", toNumber: e164 },
        ],
      },
      data: { contactId: contact.id },
    });
    return { contact, created: created > 0, linkedCalls };
  });
}
