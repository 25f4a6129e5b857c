import { formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";
import { IMPORT_MAX_LISTED_RENAMES } from "@/lib/contacts/import/limits";
import type { ImportContact } from "@/lib/contacts/import/validate-rows";
import { arrayLiteral } from "@/lib/prisma/array-literal";
import type { RawQueryClient } from "@/lib/prisma/raw-query-client";

/** An existing contact a row would rename: staff check it is the same person before confirming. */
export interface ImportRename {
  /** The row as the spreadsheet shows it (header = row 1). */
  row: number;
  contactId: string;
  phoneNumber: string;
  /** The number as the clinic reads it (national at home, international otherwise). */
  phoneDisplay: string;
  from: string;
  to: string;
}

export interface UpdatesPreview {
  /** Rows whose number an existing contact has (what the import will count as updated). */
  updated: number;
  /** Of those, contacts whose name the row would change. */
  renameCount: number;
  /** The first IMPORT_MAX_LISTED_RENAMES of them, by row. */
  renames: ImportRename[];
}

/**
 * What a dry run's valid rows would do to existing contacts, in one statement for the whole file: how
 * many numbers are already taken, and which of those contacts the row would rename. Only the name is
 * listed: it is replaced outright, where other fields only fill or merge; a re-used number (a family
 * phone, a typo) otherwise renames a patient silently. The comparison is the upsert's: any difference
 * at all, case included.
 */
export async function previewUpdates(
  db: RawQueryClient,
  organization: { id: string; defaultCountry: string },
  rows: readonly { row: number; contact: ImportContact }[],
): Promise<UpdatesPreview> {
  if (rows.length === 0) return { updated: 0, renameCount: 0, renames: [] };
  // Array literals, as the write path sends them: one string each instead of a value per row to bind.
  const phoneNumbers = arrayLiteral(rows.map((r) => r.contact.phoneNumber));
  const names = arrayLiteral(rows.map((r) => r.contact.name));
  const rowNumbers = arrayLiteral(rows.map((r) => String(r.row)));
  const [result] = await db.$queryRaw<{ updated: number; renameCount: number; renames: Omit<ImportRename, "phoneDisplay">[] }[]>`
    WITH matched AS (
      SELECT r."row", r."phoneNumber", c."id" AS "contactId", c."name" AS "from", r."name" AS "to"
        FROM unnest(${phoneNumbers}::text[], ${names}::text[], ${rowNumbers}::int[]) AS r("phoneNumber", "name", "row")
        JOIN "Contact" c ON c."organizationId" = ${organization.id} AND c."phoneNumber" = r."phoneNumber"
    )
    SELECT (SELECT count(*) FROM matched)::int AS "updated",
           (SELECT count(*) FROM matched WHERE "from" IS DISTINCT FROM "to")::int AS "renameCount",
           COALESCE((SELECT json_agg(listed ORDER BY listed."row")
                       FROM (SELECT * FROM matched WHERE "from" IS DISTINCT FROM "to" ORDER BY "row" LIMIT ${IMPORT_MAX_LISTED_RENAMES}) AS listed),
                    '[]'::json) AS "renames"`;
  return {
    updated: result?.updated ?? 0,
    renameCount: result?.renameCount ?? 0,
    renames: (result?.renames ?? []).map((rename) => ({ ...rename, phoneDisplay: formatPhoneForDisplay(rename.phoneNumber, organization.defaultCountry) })),
  };
}
