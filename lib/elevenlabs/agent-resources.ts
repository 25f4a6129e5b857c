import { z } from "zod";
import type { ElevenLabsResult } from "@/lib/elevenlabs/classify-error";
import type { ElevenLabsConfig } from "@/lib/elevenlabs/config";
import { sendRequest } from "@/lib/elevenlabs/send-request";

// Only what the configuration check reads; everything else in the answers is passed over.
const agentSchema = z.looseObject({
  agent_id: z.string(),
  name: z.string().nullish(),
  conversation_config: z.looseObject({ agent: z.looseObject({ first_message: z.string().nullish() }).nullish() }).nullish(),
  platform_settings: z
    .looseObject({
      overrides: z
        .looseObject({
          conversation_config_override: z
            .looseObject({
              agent: z
                .looseObject({
                  first_message: z.boolean().nullish(),
                  language: z.boolean().nullish(),
                  prompt: z.looseObject({ prompt: z.boolean().nullish() }).nullish(),
                })
                .nullish(),
            })
            .nullish(),
        })
        .nullish(),
    })
    .nullish(),
});

const phoneNumberSchema = z.looseObject({
  phone_number: z.string(),
  phone_number_id: z.string(),
  label: z.string().nullish(),
  provider: z.string().nullish(),
  supports_outbound: z.boolean().nullish(),
});

export interface AgentSummary {
  agentId: string;
  name: string | null;
  /** What the agent says when the call connects (may hold {{variables}}); null when it has none. */
  firstMessage: string | null;
  /** null: the answer did not say (older agents, or fields ElevenLabs hides). */
  overrides: { firstMessage: boolean | null; prompt: boolean | null; language: boolean | null };
}

/** `GET /v1/convai/agents/{agent_id}`. A 404 comes back as a `permanent` failure with status 404. */
export async function getAgent(config: ElevenLabsConfig, agentId: string): Promise<ElevenLabsResult<AgentSummary>> {
  const result = await sendRequest(config, { method: "GET", path: `/v1/convai/agents/${encodeURIComponent(agentId)}`, schema: agentSchema });
  if (!result.ok) return result;
  const agent = result.value.platform_settings?.overrides?.conversation_config_override?.agent;
  return {
    ok: true,
    value: {
      agentId: result.value.agent_id,
      name: result.value.name ?? null,
      firstMessage: result.value.conversation_config?.agent?.first_message || null,
      overrides: { firstMessage: agent?.first_message ?? null, prompt: agent?.prompt?.prompt ?? null, language: agent?.language ?? null },
    },
  };
}

/** `GET /v1/convai/phone-numbers/{phone_number_id}`. */
export async function getPhoneNumber(config: ElevenLabsConfig, phoneNumberId: string) {
  const result = await sendRequest(config, { method: "GET", path: `/v1/convai/phone-numbers/${encodeURIComponent(phoneNumberId)}`, schema: phoneNumberSchema });
  if (!result.ok) return result;
  return {
    ok: true as const,
    value: {
      phoneNumber: result.value.phone_number,
      phoneNumberId: result.value.phone_number_id,
      label: result.value.label ?? null,
      supportsOutbound: result.value.supports_outbound ?? null,
    },
  };
}
