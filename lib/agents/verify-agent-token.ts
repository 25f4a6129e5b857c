import { getDb } from "@/lib/db";
import { hashSecretToken, secretTokenMatches } from "@/lib/auth/secret-token";
import { AGENT_TOKEN_PATTERN } from "@/lib/agents/schemas";

export interface VerifiedAgent {
  organizationId: string;
  /** VoiceAgent.id */
  voiceAgentId: string;
  /** The ElevenLabs agent id from the path, now known to be this clinic's. */
  agentId: string;
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
  // Several clinics may use the same ElevenLabs agent id (one shared workspace): each has its own token.
  const candidates = await getDb().voiceAgent.findMany({ where: { agentId }, select: { id: true, organizationId: true, agentId: true, tokenHash: true } });
  let match: VerifiedAgent | null = null;
  for (const candidate of candidates) {
    if (secretTokenMatches(token, candidate.tokenHash) && !match) match = { organizationId: candidate.organizationId, voiceAgentId: candidate.id, agentId: candidate.agentId };
  }
  if (candidates.length === 0) secretTokenMatches(token, DUMMY_HASH);
  return match;
}
