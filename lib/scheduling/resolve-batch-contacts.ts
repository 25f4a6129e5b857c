import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveContactSelection } from "@/lib/contacts/resolve-contact-selection";
import type { ContactSelectionInput } from "@/lib/contacts/schemas";
import { BATCH_CONTACTS_MAX } from "@/lib/scheduling/schemas";

/**
 * The ids a scheduling request means, inside the organization. Ids named one by one must all be the
 * organization's: an unknown or another clinic's id fails the whole request with 404 (nothing is
 * created), exactly like a missing one. More than BATCH_CONTACTS_MAX is a 400; none is a 400.
 */
export async function resolveBatchContacts(organizationId: string, selection: ContactSelectionInput): Promise<string[]> {
  const ids = await resolveContactSelection(organizationId, selection, { max: BATCH_CONTACTS_MAX }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "invalid_input") {
      throw new AppError(
        "invalid_input",
        `One request can schedule at most ${BATCH_CONTACTS_MAX.toLocaleString("en")} contacts. Narrow the selection and schedule the rest separately.`,
      );
    }
    throw error;
  });
  const named = [...new Set("ids" in selection ? selection.ids : selection.includeIds)];
  if (named.length > 0) {
    const found = new Set(
      (
        await getDb().$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Contact" WHERE "organizationId" = ${organizationId} AND "id" = ANY(${named}::text[])`
      ).map((row) => row.id),
    );
    const missing = named.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new AppError(
        "not_found",
        `${missing.length === 1 ? "1 contact was" : `${missing.length} contacts were`} not found. Nothing was scheduled; reload the contacts and try again.`,
        {
          extra: { missingContactIds: missing.slice(0, 100) },
        },
      );
    }
  }
  if (ids.length === 0) throw new AppError("invalid_input", "Select at least one contact to schedule.");
  return ids;
}
