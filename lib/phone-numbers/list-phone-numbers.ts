import { getDb } from "@/lib/db";

/** The clinic's phone numbers, oldest first. */
export async function listPhoneNumbers(organizationId: string) {
  return getDb().phoneNumber.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, phoneNumberId: true, e164: true, label: true, createdAt: true },
  });
}
