import { getDb } from "@/lib/db";
import { changedFields, recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import type { AgentSettingsInput } from "@/lib/organizations/schemas";

const select = { elevenLabsAgentId: true, elevenLabsPhoneNumberId: true } as const;

/** Sets the ElevenLabs agent and phone number the organization's calls use by default; audited (before → after). */
export async function updateAgentSettings(organizationId: string, input: AgentSettingsInput, actor: AuditActor | null = null) {
  return getDb().$transaction(async (tx) => {
    // FOR UPDATE: two admins saving at once each record the value they really replaced.
    await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
    const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select });
    const after = await tx.organization.update({
      where: { id: organizationId },
      data: { elevenLabsAgentId: input.elevenLabsAgentId, elevenLabsPhoneNumberId: input.elevenLabsPhoneNumberId },
      select,
    });
    const change = changedFields(before, after);
    if (change) await recordAuditEvent(tx, { organizationId, action: "SETTINGS_UPDATED", actor, targetType: "organization", targetId: organizationId, ...change });
    return after;
  });
}
