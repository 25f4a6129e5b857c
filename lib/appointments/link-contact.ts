import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The clinic's contact with this E.164 number, created with `name` when there is none. A number belongs
 * to one contact per clinic (unique index), so when two calls create the same one at once the loser of
 * the insert reads the winner's row instead of failing. An existing contact's name is left as staff keep it.
 */
export async function linkContactByPhone(organizationId: string, phoneNumber: string, details: { name: string; email?: string | null }) {
  const db = getDb();
  const existing = await db.contact.findUnique({ where: { organizationId_phoneNumber: { organizationId, phoneNumber } }, select: { id: true, name: true, timezone: true, doNotCall: true, phoneNumber: true } });
  if (existing) return existing;
  try {
    return await db.contact.create({
      data: { organizationId, phoneNumber, name: details.name, email: details.email ?? null, customFields: {} },
      select: { id: true, name: true, timezone: true, doNotCall: true, phoneNumber: true },
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
    return db.contact.findUniqueOrThrow({ where: { organizationId_phoneNumber: { organizationId, phoneNumber } }, select: { id: true, name: true, timezone: true, doNotCall: true, phoneNumber: true } });
  }
}
