import { getDb } from "@/lib/db";
import type { ContactSort } from "@/lib/contacts/contact-cursor";
import { countContactsCapped } from "@/lib/contacts/count-contacts";
import { listContacts, MATCHES_FIRST_MAX, type ContactListItem } from "@/lib/contacts/list-contacts";
import { searchCondition } from "@/lib/contacts/search-sql";
import { csvLine } from "@/lib/csv/csv-cell";
import { keysetCsvStream } from "@/lib/csv/keyset-csv-stream";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import { isoInZone } from "@/lib/time/iso-in-zone";

const BATCH = 1_000;
const CUSTOM_COLUMNS_MAX = 200;

/** The columns, named as the importer reads them back, then one per custom field. */
export const EXPORT_COLUMNS = [
  "name",
  "phone",
  "email",
  "business_name",
  "business_website",
  "timezone",
  "language",
  "do_not_call",
  "do_not_call_reason",
  "last_call_outcome",
  "last_call_at",
  "created_at",
  "consent_basis",
  "consent_source",
  "consent_date",
] as const;

async function customFieldKeys(organizationId: string, q: string | undefined): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ key: string }[]>`
    SELECT DISTINCT k."key" FROM "Contact" c CROSS JOIN LATERAL jsonb_object_keys(c."customFields") AS k("key")
     WHERE c."organizationId" = ${organizationId} AND jsonb_typeof(c."customFields") = 'object' AND ${searchCondition(q)}
     ORDER BY k."key" LIMIT ${CUSTOM_COLUMNS_MAX}`;
  return rows.map((row) => row.key);
}

function line(contact: ContactListItem, keys: readonly string[], timeZone: string): string {
  return csvLine([
    contact.name,
    contact.phoneNumber,
    contact.email,
    contact.businessName,
    contact.businessWebsite,
    contact.timezone,
    contact.language,
    contact.doNotCall ? "yes" : "no",
    contact.doNotCallReason,
    contact.lastCall?.outcome ?? contact.lastCall?.status.toLowerCase(),
    contact.lastCall && isoInZone(contact.lastCall.at, timeZone),
    isoInZone(contact.createdAt, timeZone),
    contact.consentBasis?.toLowerCase(),
    contact.consentSource,
    // A calendar date (a date column, stored at UTC midnight): no clock, no zone.
    contact.consentDate?.toISOString().slice(0, 10),
    ...keys.map((key) => contact.customFields[key]),
  ]);
}

/**
 * The organization's contacts matching `q` as a CSV stream: read by keyset in batches of 1,000 as the
 * client consumes it, so a 100,000-row export never sits in memory. UTF-8 with a BOM (Excel reads
 * accents right), E.164 phone numbers, one column per custom field, times on the clinic's clock with
 * their offset (as the screens show them). Every export is in the audit log.
 */
export async function exportContactsCsv(
  organization: { id: string; timezone: string },
  options: { q?: string; sort: ContactSort },
  actor: AuditActor,
): Promise<ReadableStream<Uint8Array>> {
  const organizationId = organization.id;
  await recordAuditEvent(getDb(), {
    organizationId,
    action: "CONTACTS_EXPORTED",
    actor,
    targetType: "contacts",
    data: { sort: options.sort, ...(options.q ? { q: options.q } : {}) },
  });
  const keys = await customFieldKeys(organizationId, options.q);
  // Only whether the matches fit one "matches first" read matters, so the count stops past that.
  const count = options.q ? await countContactsCapped(organizationId, options.q, MATCHES_FIRST_MAX) : undefined;
  const matchCount = count && (count.capped ? MATCHES_FIRST_MAX + 1 : count.total);
  return keysetCsvStream([...EXPORT_COLUMNS, ...keys], async (cursor) => {
    const page = await listContacts(organizationId, { q: options.q, sort: options.sort, limit: BATCH, cursor, matchCount });
    return { lines: page.contacts.map((contact) => line(contact, keys, organization.timezone)), nextCursor: page.nextCursor };
  });
}
