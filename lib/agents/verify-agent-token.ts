import { getDb } from "@/lib/db";
import { hashSecretToken, secretTokenMatches } from "@/lib/auth/secret-token";
import { AGENT_TOKEN_PATTERN } from "@/lib/agents/schemas";

export interface VerifiedAgent {
  organizationId: string;
  /** VoiceAgent.id */
  voiceAgentId: string;
  /** The ElevenLabs agent id from the path, now known to be this clinic's. */
  agentId: string;
  /** Answers staff: may tell names with today's appointments. */
  staffFacing: boolean;
}

// Hashed even when the request is refused early, so a refusal takes about as long as a check.
const DUMMY_HASH = hashSecretToken("cbat_not-a-token");

/**
 * For the agent-actions routes: does `token` (the X-Agent-Token header) belong to agent `agentId`?
 * Returns the clinic it belongs to, or null for anything else — a missing, malformed, wrong or replaced
 * token, an unknown agent id, or another clinic's agent id — so the caller answers one 401 that reveals
 * nothing. The organization comes from our row, never from the request. Compared in constant time.
 */
export async function verifyAgentToken(agentId: string | null | undefined, token: string | null | undefined): Promise<VerifiedAgent | null> {
  if (!agentId || !token || agentId.length > 128 || !AGENT_TOKEN_PATTERN.test(token) || /\u0000/.test(agentId)) {
    secretTokenMatches(token ?? "", DUMMY_HASH);
    return null;
  }
  // An agent id belongs to one clinic; an agent without a token yet (carried over from settings) answers none.
  const agent = await getDb().voiceAgent.findUnique({
    where: { agentId },
    select: { id: true, organizationId: true, agentId: true, staffFacing: true, tokenHash: true },
  });
  const matches = secretTokenMatches(token, agent?.tokenHash ?? DUMMY_HASH);
  if (!agent?.tokenHash || !matches) return null;
  return { organizationId: agent.organizationId, voiceAgentId: agent.id, agentId: agent.agentId, staffFacing: agent.staffFacing };
}
