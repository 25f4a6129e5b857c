import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { CONTACT_COUNT_CAP } from "@/lib/contacts/count-contacts";
import type { ComplianceLineProducer } from "@/lib/compliance/status/compliance-line";

/**
 * How many of the clinic's contacts have no consent recorded, up to the cap + 1: an index-only scan of
 * Contact_consent_unrecorded_idx (migration consent_unrecorded_index), not a read of every contact.
 */
export function unrecordedConsentCount(organizationId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS "count"
      FROM (SELECT 1 FROM "Contact" c WHERE c."organizationId" = ${organizationId} AND c."consentBasis" IS NULL LIMIT ${CONTACT_COUNT_CAP + 1}) unrecorded`;
}

/**
 * Consent "none" is always enforced; the line says how many contacts have no consent recorded (still called:
 * the clinic answers for those). Counted up to the cap, like the contacts page: a clinic may have a million.
 */
export const consentLine: ComplianceLineProducer = async ({ organizationId }) => {
  const [row] = await getDb().$queryRaw<{ count: number }[]>(unrecordedConsentCount(organizationId));
  const count = row?.count ?? 0;
  const amount =
    count > CONTACT_COUNT_CAP
      ? `${CONTACT_COUNT_CAP.toLocaleString("en")}+ contacts have`
      : `${count.toLocaleString("en")} contact${count === 1 ? " has" : "s have"}`;
  return {
    label: "Consent",
    on: true,
    detail: `Contacts whose consent is “none” are never called: skipped when calls are scheduled and checked again right before every dial. ${
      count === 0 ? "Every contact has consent recorded." : `${amount} no recorded consent: they are called, and the clinic answers for having it.`
    }`,
  };
};
