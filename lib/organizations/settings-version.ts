import { z } from "zod";
import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Optimistic concurrency for the settings sections. Each section has its own version column on Organization,
 * raised by every save of it; a form sends the version it loaded, and the write's WHERE names it, so a save of
 * an older copy matches no row and is refused (409) instead of silently overwriting what someone saved since.
 * Separate columns, not updatedAt: saving calling rules must not make an open opening-hours form stale.
 */
export type SettingsVersionColumn = "agentSettingsVersion" | "callingRulesVersion" | "openingHoursVersion" | "defaultLanguageVersion";

/**
 * The `version` a save sends back: the one its form loaded (GET, the settings page, or the previous save's
 * answer). Optional for API clients: without it the save is last-writer-wins, as before. The dashboard's forms
 * always send it. Capped at PostgreSQL's integer range so an absurd value is a 400, not a failed query.
 */
export const settingsVersionSchema = z.number().int().min(0).max(2_147_483_647).optional();

/**
 * The version condition of the write: `{ [column]: version }`, or nothing when the client sent none. Never
 * `{ [column]: undefined }`, which Prisma would read as "no filter" (and lib/prisma refuses).
 */
export function expectedVersion<C extends SettingsVersionColumn>(column: C, version: number | undefined): Partial<Record<C, number>> {
  return version === undefined ? {} : ({ [column]: version } as Record<C, number>);
}

/** What a save answers when its version is no longer the stored one: someone saved this section since. */
export function settingsChangedError(): AppError {
  return new AppError(
    "stale_settings",
    "Someone else changed these settings after you opened this page, so your changes were not saved. Reload the page to see theirs, then make yours again.",
  );
}

/**
 * The section's version after a save. The save's own write names the loaded version and raises it by 0, so an
 * older copy is still refused; only a save that changed something (what the audit records as a change) raises it,
 * so saving the values already stored leaves the section's other open forms current. In the save's transaction,
 * under its row lock.
 */
export async function versionAfterSave<C extends SettingsVersionColumn>(
  db: DbClient,
  organizationId: string,
  column: C,
  written: number,
  changed: boolean,
): Promise<number> {
  if (!changed) return written;
  const row = await db.organization.update({
    where: { id: organizationId },
    data: { [column]: { increment: 1 } } as Record<C, { increment: number }>,
    select: { [column]: true } as Record<C, true>,
  });
  return (row as unknown as Record<C, number>)[column];
}
