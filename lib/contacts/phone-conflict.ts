import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";

/** True for Prisma's unique-constraint error on (organizationId, phoneNumber). */
export function isPhoneUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return JSON.stringify(error.meta ?? {}).includes("phoneNumber");
}

/**
 * The 409 for a number another contact of the organization already has, naming that contact so staff
 * can open it instead of creating a second one.
 */
export async function phoneConflictError(organizationId: string, phoneNumber: string, country: string): Promise<AppError> {
  const existing = await getDb().contact.findFirst({ where: { organizationId, phoneNumber }, select: { id: true, name: true } });
  const shown = formatPhoneForDisplay(phoneNumber, country);
  const message = existing ? `${shown} already belongs to ${existing.name}.` : `${shown} already belongs to another contact.`;
  return new AppError("conflict", message, {
    issues: [{ path: "phoneNumber", message }],
    extra: existing ? { existingContact: { id: existing.id, name: existing.name } } : {},
  });
}
