import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { createSecretToken } from "@/lib/auth/secret-token";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import { buildServerToolConfig } from "@/lib/agents/server-tool-config";

/**
 * Replaces an agent's token: the old hash is overwritten in the same statement, so the old token stops
 * working at once. The new token is returned this once. Another clinic's agent id is a 404.
 */
export async function regenerateAgentToken(organizationId: string, actor: AuditActor, voiceAgentId: string, origin: string, now: Date = new Date()) {
  const { token, hash, visiblePrefix } = createSecretToken("cbat");
  return getDb().$transaction(async (tx) => {
    const before = await tx.voiceAgent.findFirst({ where: { id: voiceAgentId, organizationId }, select: { tokenPrefix: true } });
    if (!before) throw notFound("Agent");
    const { count } = await tx.voiceAgent.updateMany({
      where: { id: voiceAgentId, organizationId },
      data: { tokenHash: hash, tokenPrefix: visiblePrefix, tokenCreatedAt: now },
    });
    if (count === 0) throw notFound("Agent");
    const agent = await tx.voiceAgent.findUniqueOrThrow({
      where: { id: voiceAgentId },
      select: { id: true, agentId: true, name: true, tokenPrefix: true, tokenCreatedAt: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      organizationId,
      action: "AGENT_TOKEN_GENERATED",
      actor,
      targetType: "voice_agent",
      targetId: agent.id,
      before: { tokenPrefix: before.tokenPrefix },
      after: { tokenPrefix: visiblePrefix },
      data: { agentId: agent.agentId },
    });
    return { agent, token, toolConfig: buildServerToolConfig(origin, agent.agentId, token) };
  });
}
