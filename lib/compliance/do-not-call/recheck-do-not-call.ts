import { Prisma } from "@/lib/generated/prisma/client";
import type { ConsentBasis } from "@/lib/generated/prisma/enums";
import type { RawQueryClient } from "@/lib/prisma/raw-query-client";
import type { DoNotCallMark } from "@/lib/compliance/do-not-call/find-do-not-call";
import { lockDoNotCallForDial } from "@/lib/compliance/do-not-call/do-not-call-lock";

export interface DialPermission {
  /** The list's entry for the number dialed, as committed now. */
  doNotCall: DoNotCallMark | null;
  /** The contact as committed now (null: none) — by number when the dial had none, so one made since the first read counts too. */
  contact: { name: string; consentBasis: ConsentBasis | null } | null;
}

/**
 * The do-not-call list and the consent read again in the transaction that writes a dial's attempt, under
 * the clinic's do-not-call lock (shared, taken here after the patient's lock that checkPatientDial took):
 * a number listed, or a consent set to none, after the first read and before the attempt is written is
 * seen here ("Call now", the test call). The dispatcher's attempt does the same inside
 * `callboard_start_scheduled_attempt`.
 */
export async function recheckDoNotCall(
  tx: RawQueryClient,
  /** contactId null: the contact with the number dialed, if one was made since (the test call to a stranger's number). */
  dial: { organizationId: string; toNumber: string; contactId: string | null },
): Promise<DialPermission> {
  await lockDoNotCallForDial(tx, dial.organizationId);
  // A later statement than the lock: its snapshot sees every change that committed while the lock was awaited.
  const contact =
    dial.contactId === null
      ? Prisma.sql`c."organizationId" = ${dial.organizationId} AND c."phoneNumber" = ${dial.toNumber}`
      : Prisma.sql`c."id" = ${dial.contactId} AND c."organizationId" = ${dial.organizationId}`;
  const [row] = await tx.$queryRaw<Array<{ phoneNumber: string | null; reason: string | null; consentBasis: ConsentBasis | null; name: string | null }>>`
    SELECT d."phoneNumber", d."reason", c."consentBasis"::text AS "consentBasis", c."name"
      FROM (SELECT 1) AS one
      LEFT JOIN "DoNotCallEntry" d ON d."organizationId" = ${dial.organizationId} AND d."phoneNumber" = ${dial.toNumber}
      LEFT JOIN "Contact" c ON ${contact}`;
  return {
    doNotCall: row?.phoneNumber ? { phoneNumber: row.phoneNumber, reason: row.reason } : null,
    contact: row?.name != null ? { name: row.name, consentBasis: row.consentBasis } : null,
  };
}
