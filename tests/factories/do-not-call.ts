import { getDb } from "@/lib/db";
import type { DoNotCallSource } from "@/lib/generated/prisma/enums";

/** Puts numbers on the clinic's do-not-call list, as staff would (the list is the one source of "do not call"). */
export async function listDoNotCall(
  organizationId: string,
  phoneNumbers: readonly string[],
  options: { reason?: string | null; source?: DoNotCallSource; createdAt?: Date } = {},
) {
  await getDb().doNotCallEntry.createMany({
    data: phoneNumbers.map((phoneNumber) => ({
      organizationId,
      phoneNumber,
      reason: options.reason ?? null,
      source: options.source ?? "STAFF",
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    })),
    skipDuplicates: true,
  });
}
