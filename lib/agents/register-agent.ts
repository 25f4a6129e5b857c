import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createSecretToken } from "@/lib/auth/secret-token";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import { buildServerToolConfig } from "@/lib/agents/server-tool-config";
import type { RegisterAgentInput } from "@/lib/agents/schemas";

/** Registers an ElevenLabs agent for the clinic with a fresh tool token, returned this once. */
export async function registerAgent(organizationId: string, actor: AuditActor, input: RegisterAgentInput, origin: string, now: Date = new Date()) {
  const { token, hash, visiblePrefix } = createSecretToken("cbat");
  try {
    const agent = await getDb().$transaction(async (tx) => {
      const created = await tx.voiceAgent.create({
        data: { organizationId, agentId: input.agentId, name: input.name, tokenHash: hash, tokenPrefix: visiblePrefix, tokenCreatedAt: now },
        select: { id: true, agentId: true, name: true, tokenPrefix: true, tokenCreatedAt: true, createdAt: true },
      });
      await recordAuditEvent(tx, {
        organizationId,
        action: "AGENT_REGISTERED",
        actor,
        targetType: "voice_agent",
        targetId: created.id,
        after: { agentId: created.agentId, name: created.name, tokenPrefix: visiblePrefix },
      });
      return created;
    });
    return { agent, token, toolConfig: buildServerToolConfig(origin, agent.agentId, token) };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Only this clinic's own agent can have its token regenerated; another clinic's is named to nobody.
      const own = await getDb().voiceAgent.count({ where: { organizationId, agentId: input.agentId } });
      const message = own
        ? "This agent is registered already. Regenerate its token instead."
        : "This agent belongs to another clinic. An agent can belong to one clinic only.";
      throw new AppError("conflict", message, { issues: [{ path: "agentId", message: own ? "Already registered" : "Another clinic's agent" }] });
    }
    throw error;
  }
}
