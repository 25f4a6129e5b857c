import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { searchCondition } from "@/lib/contacts/search-sql";
import type { ContactSelectionInput } from "@/lib/contacts/schemas";

export const SELECTION_RESOLVE_MAX = 100_000;

/**
 * Turns a selection made on /contacts (see components/contacts/selection-store.ts) into the ids of
 * the organization's contacts it means now, in name order. Ids of other organizations, or of
 * contacts deleted since, simply drop out. "All matching q" is evaluated at this moment, so a
 * contact added since that matches is included. More than `max` contacts is a 400, not a silent cut.
 */
export async function resolveContactSelection(organizationId: string, selection: ContactSelectionInput, options: { max?: number } = {}): Promise<string[]> {
  const max = options.max ?? SELECTION_RESOLVE_MAX;
  const query =
    "ids" in selection
      ? // Unique, and an empty list selects nobody (ANY of an empty array is false).
        getDb().$queryRaw<{ id: string }[]>`
          SELECT c."id" FROM "Contact" c
           WHERE c."organizationId" = ${organizationId} AND c."id" = ANY(${[...new Set(selection.ids)]}::text[])
           ORDER BY c."nameSortKey", c."id" LIMIT ${max + 1}`
      : getDb().$queryRaw<{ id: string }[]>`
          SELECT c."id" FROM "Contact" c
           WHERE c."organizationId" = ${organizationId}
             AND ((${searchCondition(selection.filter.q)} AND c."id" <> ALL(${selection.excludeIds}::text[]))
                  OR c."id" = ANY(${selection.includeIds}::text[]))
           ORDER BY c."nameSortKey", c."id" LIMIT ${max + 1}`;
  const rows = await query;
  if (rows.length > max) {
    throw new AppError("invalid_input", `The selection has more than ${max.toLocaleString("en")} contacts. Narrow it with a search and try again.`);
  }
  return rows.map((row) => row.id);
}
