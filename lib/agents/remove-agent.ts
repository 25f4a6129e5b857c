import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";

/** Unregisters an agent; its token stops working with it, and it stops being the clinic's default. */
export async function removeAgent(organizationId: string, actor: AuditActor, voiceAgentId: string) {
  await getDb().$transaction(async (tx) => {
    const agent = await tx.voiceAgent.findFirst({ where: { id: voiceAgentId, organizationId }, select: { agentId: true, name: true, tokenPrefix: true } });
    if (!agent) throw notFound("Agent");
    await tx.voiceAgent.deleteMany({ where: { id: voiceAgentId, organizationId } });
    await tx.organization.updateMany({ where: { id: organizationId, elevenLabsAgentId: agent.agentId }, data: { elevenLabsAgentId: null } });
    await recordAuditEvent(tx, { organizationId, action: "AGENT_REMOVED", actor, targetType: "voice_agent", targetId: voiceAgentId, before: agent });
  });
}
