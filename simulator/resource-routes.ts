import type { Responder } from "@/simulator/http-io";
import { DEFAULT_FIRST_MESSAGE } from "@/simulator/options";
import type { SimulatorState } from "@/simulator/simulator-state";

export const AGENT_PATH = /^\/v1\/convai\/agents\/([^/]+)$/;
export const PHONE_NUMBER_PATH = /^\/v1\/convai\/phone-numbers\/([^/]+)$/;

/** Answered for a phone-number id not in the `phoneNumbers` config. */
const PLACEHOLDER_LINE = { number: "+61255500000", agentId: null };

/**
 * `GET /v1/convai/agents/{id}` and `GET /v1/convai/phone-numbers/{id}`: every id exists unless listed
 * in `unknownIds`, shaped like ElevenLabs' answers.
 */
export function handleResource(state: SimulatorState, kind: "agent" | "phone", id: string, respond: Responder): void {
  const { config } = state;
  if (config.unknownIds.includes(id)) {
    const status = kind === "agent" ? "agent_not_found" : "phone_number_not_found";
    return respond(404, { detail: { status, message: `${kind === "agent" ? "Agent" : "Phone number"} ${id} not found` } });
  }
  if (kind === "agent") {
    const allowed = config.overridesEnabled;
    return respond(200, {
      agent_id: id,
      name: "Simulated clinic agent",
      conversation_config: {
        agent: {
          first_message: config.agentFirstMessages[id] ?? DEFAULT_FIRST_MESSAGE,
          language: "en",
          prompt: { prompt: "You are a friendly clinic receptionist." },
        },
      },
      platform_settings: { overrides: { conversation_config_override: { agent: { first_message: allowed, language: allowed, prompt: { prompt: allowed } } } } },
      metadata: { created_at_unix_secs: 1_760_000_000 },
      tags: [],
    });
  }
  const line = config.phoneNumbers[id] ?? PLACEHOLDER_LINE;
  respond(200, {
    phone_number: line.number,
    label: "Simulated clinic line",
    phone_number_id: id,
    provider: "twilio",
    supports_outbound: true,
    supports_inbound: true,
    assigned_agent: line.agentId ? { agent_id: line.agentId, agent_name: "Simulated clinic agent" } : null,
  });
}
