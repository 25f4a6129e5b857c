import { createId } from "@/lib/ids/create-id";
import { IMPORT_WRITE_CHUNK_ROWS } from "@/lib/contacts/import/limits";
import type { ImportContact } from "@/lib/contacts/import/validate-rows";

import type { RawQueryClient } from "@/lib/prisma/raw-query-client";

export interface WriteCounts {
  created: number;
  updated: number;
}

/**
 * Upserts contacts by (organizationId, phoneNumber), IMPORT_WRITE_CHUNK_ROWS per statement (upsertChunk).
 * Callers run this inside a transaction, so an import is written completely or not at all.
 */
export async function upsertContacts(
  db: RawQueryClient,
  organizationId: string,
  contacts: readonly ImportContact[],
  addedBy?: { userId: string; email: string },
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0 };
  for (let start = 0; start < contacts.length; start += IMPORT_WRITE_CHUNK_ROWS) {
    const result = await upsertChunk(db, organizationId, contacts.slice(start, start + IMPORT_WRITE_CHUNK_ROWS), addedBy);
    counts.created += result.created;
    counts.updated += result.updated;
  }
  return counts;
}

/**
 * One INSERT … ON CONFLICT DO UPDATE for a chunk of contacts: each column travels as one array
 * parameter and the rows are zipped back together with unnest (cheaper to send and to unpack than one
 * JSON document per chunk). `xmax = 0` tells a fresh row from an updated one.
 *
 * On update: the name is replaced; other fields only where the row has a value (a blank cell never
 * erases); custom fields are merged (the file's keys win). A row marked do-not-call puts its number on
 * the do-not-call list (source "import"); a file never takes a number off it — an opt-out recorded by
 * staff or a call outlives an old spreadsheet, and a number already listed keeps its first reason.
 */
export async function upsertChunk(
  db: RawQueryClient,
  organizationId: string,
  chunk: readonly ImportContact[],
  addedBy?: { userId: string; email: string },
): Promise<WriteCounts> {
  if (chunk.length === 0) return { created: 0, updated: 0 };
  const column = <T>(read: (contact: ImportContact) => T) => chunk.map(read);
  const [result] = await db.$queryRaw<WriteCounts[]>`
    WITH upserted AS (
      INSERT INTO "Contact" AS c ("id", "organizationId", "name", "phoneNumber", "email", "businessName", "businessWebsite",
                                  "timezone", "language", "consentBasis", "consentSource", "consentDate", "customFields", "createdAt", "updatedAt")
      SELECT r."id", ${organizationId}, r."name", r."phoneNumber", r."email", r."businessName", r."businessWebsite",
             r."timezone", r."language", r."consentBasis"::"ConsentBasis", r."consentSource", r."consentDate"::date,
             COALESCE(r."customFields", '{}'::jsonb), now(), now()
        FROM unnest(${column(() => createId())}::text[], ${column((c) => c.name)}::text[], ${column((c) => c.phoneNumber)}::text[],
                    ${column((c) => c.email)}::text[], ${column((c) => c.businessName)}::text[], ${column((c) => c.businessWebsite)}::text[],
                    ${column((c) => c.timezone)}::text[], ${column((c) => c.language)}::text[], ${column((c) => c.consentBasis)}::text[], ${column((c) => c.consentSource)}::text[],
                    ${column((c) => c.consentDate?.toISOString().slice(0, 10) ?? null)}::text[],
                    ${column((c) => JSON.stringify(c.customFields))}::jsonb[])
          AS r("id", "name", "phoneNumber", "email", "businessName", "businessWebsite", "timezone", "language", "consentBasis", "consentSource", "consentDate", "customFields")
      ON CONFLICT ("organizationId", "phoneNumber") DO UPDATE SET
        "name" = EXCLUDED."name",
        "email" = COALESCE(EXCLUDED."email", c."email"),
        "businessName" = COALESCE(EXCLUDED."businessName", c."businessName"),
        "businessWebsite" = COALESCE(EXCLUDED."businessWebsite", c."businessWebsite"),
        "timezone" = COALESCE(EXCLUDED."timezone", c."timezone"),
        "language" = COALESCE(EXCLUDED."language", c."language"),
        "consentBasis" = COALESCE(EXCLUDED."consentBasis", c."consentBasis"),
        "consentSource" = COALESCE(EXCLUDED."consentSource", c."consentSource"),
        "consentDate" = COALESCE(EXCLUDED."consentDate", c."consentDate"),
        "customFields" = c."customFields" || EXCLUDED."customFields",
        "updatedAt" = now()
      RETURNING (xmax = 0) AS "inserted"
    )
    SELECT (count(*) FILTER (WHERE "inserted"))::int AS "created", (count(*) FILTER (WHERE NOT "inserted"))::int AS "updated" FROM upserted`;
  const listed = chunk.filter((contact) => contact.doNotCall);
  if (listed.length > 0) {
    await db.$queryRaw`
      INSERT INTO "DoNotCallEntry" ("id", "organizationId", "phoneNumber", "reason", "source", "addedByUserId", "addedByEmail", "createdAt")
      SELECT r."id", ${organizationId}, r."phoneNumber", r."reason", 'IMPORT'::"DoNotCallSource", ${addedBy?.userId ?? null}, ${addedBy?.email ?? null}, now()
        FROM unnest(${listed.map(() => createId())}::text[], ${listed.map((c) => c.phoneNumber)}::text[], ${listed.map((c) => c.doNotCallReason)}::text[])
          AS r("id", "phoneNumber", "reason")
      ON CONFLICT ("organizationId", "phoneNumber") DO NOTHING`;
  }
  return { created: result?.created ?? 0, updated: result?.updated ?? 0 };
}

/** How many of these numbers the organization already has (what a dry run reports as updates). */
export async function countExistingPhones(db: RawQueryClient, organizationId: string, phoneNumbers: readonly string[]): Promise<number> {
  if (phoneNumbers.length === 0) return 0;
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM "Contact"
     WHERE "organizationId" = ${organizationId} AND "phoneNumber" = ANY(${phoneNumbers as string[]}::text[])`;
  return row?.count ?? 0;
}
