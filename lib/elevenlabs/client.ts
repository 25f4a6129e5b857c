import { getAgent, getPhoneNumber } from "@/lib/elevenlabs/agent-resources";
import { resolveElevenLabsConfig, type ElevenLabsConfig } from "@/lib/elevenlabs/config";
import { getConversation, listConversations, type ListConversationsQuery } from "@/lib/elevenlabs/conversations";
import { startOutboundCall, type OutboundCallInput } from "@/lib/elevenlabs/outbound-call";

/**
 * The ElevenLabs calls Callboard makes, bound to one configuration. Options not passed are read
 * from the environment (see `config.ts`). Every method resolves to a result, never throws for
 * provider or network failures.
 */
export function createElevenLabsClient(options: Partial<ElevenLabsConfig> = {}) {
  const config = resolveElevenLabsConfig(options);
  return {
    startOutboundCall: (input: OutboundCallInput) => startOutboundCall(config, input),
    getConversation: (conversationId: string) => getConversation(config, conversationId),
    listConversations: (query?: ListConversationsQuery) => listConversations(config, query),
    getAgent: (agentId: string) => getAgent(config, agentId),
    getPhoneNumber: (phoneNumberId: string) => getPhoneNumber(config, phoneNumberId),
  };
}

export type ElevenLabsClient = ReturnType<typeof createElevenLabsClient>;
