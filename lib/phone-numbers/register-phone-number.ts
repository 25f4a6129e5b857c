import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import type { RegisterPhoneNumberInput } from "@/lib/phone-numbers/schemas";

/**
 * Registers a number the clinic owns in ElevenLabs. A phone-number id or a number belongs to one clinic:
 * one that any clinic holds already is a 409 that does not say which.
 */
export async function registerPhoneNumber(organizationId: string, actor: AuditActor, input: RegisterPhoneNumberInput) {
  const db = getDb();
  const { defaultCountry } = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { defaultCountry: true } });
  const phone = normalizePhone(input.phoneNumber, defaultCountry);
  if (!phone.ok) throw new AppError("invalid_input", phone.message, { issues: [{ path: "phoneNumber", message: phone.message }] });
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.phoneNumber.create({
        data: { organizationId, phoneNumberId: input.phoneNumberId, e164: phone.e164, label: input.label },
        select: { id: true, phoneNumberId: true, e164: true, label: true, createdAt: true },
      });
      await recordAuditEvent(tx, {
        organizationId,
        action: "PHONE_NUMBER_REGISTERED",
        actor,
        targetType: "phone_number",
        targetId: created.id,
        after: { phoneNumberId: created.phoneNumberId, e164: created.e164, label: created.label },
      });
      return created;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Two unique keys: say which one is taken, beside its own field.
      const numberTaken = JSON.stringify(error.meta ?? {}).includes("e164");
      const message = numberTaken
        ? "This phone number is registered already. A number can belong to one clinic only."
        : "This phone-number id is registered already. An id can belong to one clinic only.";
      throw new AppError("conflict", message, { issues: [{ path: numberTaken ? "phoneNumber" : "phoneNumberId", message }] });
    }
    throw error;
  }
}
