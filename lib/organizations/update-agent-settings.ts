import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changedFields, recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import { expectedVersion, settingsChangedError, versionAfterSave } from "@/lib/organizations/settings-version";
import type { AgentSettingsInput } from "@/lib/organizations/schemas";

const select = { elevenLabsAgentId: true, elevenLabsPhoneNumberId: true } as const;

/**
 * Sets the agent and phone number the organization's calls use by default, chosen from the clinic's own
 * (422 for anything else); audited (before → after). With `input.version`, only over that version of the
 * section (409 stale_settings otherwise, nothing written); answers the new one.
 */
export async function updateAgentSettings(organizationId: string, input: AgentSettingsInput, actor: AuditActor | null = null) {
  return getDb().$transaction(async (tx) => {
    // FOR UPDATE: two admins saving at once each record the value they really replaced.
    await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
    const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select });
    const [agent, number] = await Promise.all([
      input.elevenLabsAgentId ? tx.voiceAgent.findFirst({ where: { organizationId, agentId: input.elevenLabsAgentId }, select: { id: true } }) : null,
      input.elevenLabsPhoneNumberId
        ? tx.phoneNumber.findFirst({ where: { organizationId, phoneNumberId: input.elevenLabsPhoneNumberId }, select: { id: true } })
        : null,
    ]);
    const issues = [
      ...(input.elevenLabsAgentId && !agent ? [{ path: "elevenLabsAgentId", message: "Not one of this clinic's agents: register it first." }] : []),
      ...(input.elevenLabsPhoneNumberId && !number
        ? [{ path: "elevenLabsPhoneNumberId", message: "Not one of this clinic's phone numbers: register it first." }]
        : []),
    ];
    if (issues.length) throw new AppError("unprocessable", "Choose the default agent and number from the clinic's own.", { issues });
    // The version is checked by the write itself: an older copy matches no row.
    const [updated] = await tx.organization.updateManyAndReturn({
      where: { id: organizationId, ...expectedVersion("agentSettingsVersion", input.version) },
      data: { elevenLabsAgentId: input.elevenLabsAgentId, elevenLabsPhoneNumberId: input.elevenLabsPhoneNumberId, agentSettingsVersion: { increment: 0 } },
      select: { ...select, agentSettingsVersion: true },
    });
    if (!updated) throw settingsChangedError();
    const { agentSettingsVersion: written, ...after } = updated;
    const change = changedFields(before, after);
    if (change)
      await recordAuditEvent(tx, { organizationId, action: "SETTINGS_UPDATED", actor, targetType: "organization", targetId: organizationId, ...change });
    return { ...after, version: await versionAfterSave(tx, organizationId, "agentSettingsVersion", written, change !== null) };
  });
}
