import type { DbClient, Db } from "@/lib/db";

type Reader = Pick<Db | DbClient, "doNotCallEntry">;

export interface DoNotCallMark {
  phoneNumber: string;
  reason: string | null;
}

/** The list's entry for one E.164 number, or null: the one question every dial asks. */
export async function findDoNotCall(db: Reader, organizationId: string, phoneNumber: string): Promise<DoNotCallMark | null> {
  return db.doNotCallEntry.findUnique({
    where: { organizationId_phoneNumber: { organizationId, phoneNumber } },
    select: { phoneNumber: true, reason: true },
  });
}

/** The entries of many numbers at once (a batch being planned), by number. */
export async function findDoNotCallMany(db: Reader, organizationId: string, phoneNumbers: readonly string[]): Promise<Map<string, DoNotCallMark>> {
  if (phoneNumbers.length === 0) return new Map();
  const rows = await db.doNotCallEntry.findMany({
    where: { organizationId, phoneNumber: { in: [...new Set(phoneNumbers)] } },
    select: { phoneNumber: true, reason: true },
  });
  return new Map(rows.map((row) => [row.phoneNumber, row]));
}

/** "On the do-not-call list (Asked on 3 Nov)": how every refusal names it. */
export function doNotCallWords(mark: DoNotCallMark): string {
  return `on the do-not-call list${mark.reason ? ` (${mark.reason})` : ""}`;
}
