import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";

/**
 * Unregisters a number. If it was the clinic's default, the default is cleared with it; calls scheduled
 * from it fail at dial time with the reason, rather than ringing from a number the clinic gave up.
 */
export async function removePhoneNumber(organizationId: string, actor: AuditActor, id: string) {
  await getDb().$transaction(async (tx) => {
    const number = await tx.phoneNumber.findFirst({ where: { id, organizationId }, select: { phoneNumberId: true, e164: true, label: true } });
    if (!number) throw notFound("Phone number");
    await tx.phoneNumber.deleteMany({ where: { id, organizationId } });
    await tx.organization.updateMany({ where: { id: organizationId, elevenLabsPhoneNumberId: number.phoneNumberId }, data: { elevenLabsPhoneNumberId: null } });
    await recordAuditEvent(tx, { organizationId, action: "PHONE_NUMBER_REMOVED", actor, targetType: "phone_number", targetId: id, before: number });
  });
}
