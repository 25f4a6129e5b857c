import type { DbClient, Db } from "@/lib/db";
import type { DoNotCallSource } from "@/lib/generated/prisma/enums";

export interface DoNotCallAddition {
  organizationId: string;
  /** E.164: callers normalize first. */
  phoneNumber: string;
  reason: string | null;
  source: DoNotCallSource;
  addedBy?: { userId: string; email: string } | null;
  callId?: string | null;
}

/**
 * Puts a number on the list. Idempotent: a number already there keeps its first entry (the earliest
 * reason and source are the ones that matter) and `added` is false.
 */
export async function addToDoNotCall(db: Pick<Db | DbClient, "doNotCallEntry">, input: DoNotCallAddition) {
  const { count } = await db.doNotCallEntry.createMany({
    data: [
      {
        organizationId: input.organizationId,
        phoneNumber: input.phoneNumber,
        reason: input.reason,
        source: input.source,
        addedByUserId: input.addedBy?.userId ?? null,
        addedByEmail: input.addedBy?.email ?? null,
        callId: input.callId ?? null,
      },
    ],
    skipDuplicates: true,
  });
  const entry = await db.doNotCallEntry.findUniqueOrThrow({
    where: { organizationId_phoneNumber: { organizationId: input.organizationId, phoneNumber: input.phoneNumber } },
  });
  return { entry, added: count === 1 };
}
