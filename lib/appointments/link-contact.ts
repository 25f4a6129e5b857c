import { getDb, type DbClient } from "@/lib/db";
import { createId } from "@/lib/ids/create-id";

/**
 * The clinic's contact with this E.164 number, created with `name` when there is none. A number belongs
 * to one contact per clinic (unique index): `ON CONFLICT DO NOTHING` makes two calls creating the same one
 * at once agree on one row without an error — which matters inside a transaction, where a failed insert
 * would abort everything after it. An existing contact's name and email are left as staff keep them.
 */
export async function linkContactByPhone(
  organizationId: string,
  phoneNumber: string,
  details: { name: string; email?: string | null },
  db: DbClient | ReturnType<typeof getDb> = getDb(),
) {
  // Stamped by the app's clock, like every row Prisma writes (its @default(now()) is filled in here too).
  const now = new Date();
  await db.$executeRaw`
    INSERT INTO "Contact" ("id", "organizationId", "name", "phoneNumber", "email", "createdAt", "updatedAt")
    VALUES (${createId()}, ${organizationId}, ${details.name}, ${phoneNumber}, ${details.email ?? null}, ${now}, ${now})
    ON CONFLICT ("organizationId", "phoneNumber") DO NOTHING`;
  return db.contact.findUniqueOrThrow({
    where: { organizationId_phoneNumber: { organizationId, phoneNumber } },
    select: { id: true, name: true, timezone: true, phoneNumber: true },
  });
}
