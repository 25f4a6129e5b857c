import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { changedFields, recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import type { UpdateAgentInput } from "@/lib/agents/schemas";

const select = { name: true, staffFacing: true } as const;

/** Renames an agent or marks it staff-facing (it may then tell names with today's appointments); audited. */
export async function updateAgent(organizationId: string, actor: AuditActor, voiceAgentId: string, input: UpdateAgentInput) {
  return getDb().$transaction(async (tx) => {
    const before = await tx.voiceAgent.findFirst({ where: { id: voiceAgentId, organizationId }, select });
    if (!before) throw notFound("Agent");
    await tx.voiceAgent.updateMany({ where: { id: voiceAgentId, organizationId }, data: input });
    const after = await tx.voiceAgent.findUniqueOrThrow({
      where: { id: voiceAgentId },
      select: { id: true, agentId: true, ...select, tokenPrefix: true, tokenCreatedAt: true, createdAt: true },
    });
    const change = changedFields(before, { name: after.name, staffFacing: after.staffFacing });
    if (change) await recordAuditEvent(tx, { organizationId, action: "AGENT_UPDATED", actor, targetType: "voice_agent", targetId: voiceAgentId, ...change });
    return after;
  });
}
