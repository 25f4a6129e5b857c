import { getDb } from "@/lib/db";
import { conversationLanguage } from "@/lib/calls/dynamic-variables";
import { changedFields, recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import type { DefaultLanguageSettingsInput } from "@/lib/organizations/schemas";

const select = { defaultLanguage: true, locale: true } as const;

/** The language as it is spoken: a clinic that never chose one speaks its locale when Callboard can. */
const toView = (row: { defaultLanguage: string | null; locale: string }) => ({ defaultLanguage: conversationLanguage(row) });

export async function getDefaultLanguage(organizationId: string) {
  return toView(await getDb().organization.findUniqueOrThrow({ where: { id: organizationId }, select }));
}

/**
 * Sets the clinic's default patient language. Contacts with their own language keep it; calls placed from
 * now on greet the others in the new one. Audited (before → after) under the row lock.
 */
export async function updateDefaultLanguage(organizationId: string, input: DefaultLanguageSettingsInput, actor: AuditActor | null = null) {
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
    const previous = toView(await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select }));
    const updated = toView(await tx.organization.update({ where: { id: organizationId }, data: { defaultLanguage: input.defaultLanguage }, select }));
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
    return updated;
  });
}
