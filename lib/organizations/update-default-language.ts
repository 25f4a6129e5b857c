import { getDb } from "@/lib/db";
import { conversationLanguage } from "@/lib/calls/dynamic-variables";
import { changedFields, recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import { expectedVersion, settingsChangedError, versionAfterSave } from "@/lib/organizations/settings-version";
import type { DefaultLanguageSettingsInput } from "@/lib/organizations/schemas";

const select = { defaultLanguage: true, locale: true } as const;

/** The language as it is spoken: a clinic that never chose one speaks its locale when Callboard can. */
const toView = (row: { defaultLanguage: string | null; locale: string }) => ({ defaultLanguage: conversationLanguage(row) });

/** The language, with the section's version for a form that saves it (settings-version.ts). */
export async function getDefaultLanguage(organizationId: string) {
  const row = await getDb().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { ...select, defaultLanguageVersion: true } });
  return { ...toView(row), version: row.defaultLanguageVersion };
}

/**
 * Sets the clinic's default patient language. Contacts with their own language keep it; calls placed from
 * now on greet the others in the new one. Audited (before → after) under the row lock. With `input.version`,
 * only over that version (409 stale_settings otherwise, nothing written); answers the new one.
 */
export async function updateDefaultLanguage(organizationId: string, input: DefaultLanguageSettingsInput, actor: AuditActor | null = null) {
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
    const previous = toView(await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select }));
    // The version is checked by the write itself: an older copy matches no row.
    const [written] = await tx.organization.updateManyAndReturn({
      where: { id: organizationId, ...expectedVersion("defaultLanguageVersion", input.version) },
      data: { defaultLanguage: input.defaultLanguage, defaultLanguageVersion: { increment: 0 } },
      select: { ...select, defaultLanguageVersion: true },
    });
    if (!written) throw settingsChangedError();
    const updated = toView(written);
    const change = changedFields(previous, updated);
    if (change)
      await recordAuditEvent(tx, {
        organizationId,
        action: "SETTINGS_UPDATED",
        actor,
        targetType: "organization",
        targetId: organizationId,
        ...change,
        data: { section: "language" },
      });
    return { ...updated, version: await versionAfterSave(tx, organizationId, "defaultLanguageVersion", written.defaultLanguageVersion, change !== null) };
  });
}
