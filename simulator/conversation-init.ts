import type { AgentTools } from "@/simulator/options";

const INIT_TIMEOUT_MS = 5_000;
const AGENT_ACTIONS = "/api/agent-actions/";

/** What ElevenLabs posts when an inbound Twilio call reaches an agent, before the conversation starts. */
export type ConversationInitBody = { caller_id: string; agent_id: string; called_number: string; call_sid: string };

export type ConversationInitResult = {
  url: string | null;
  status: number | null;
  error: string | null;
  /** The answer's dynamic_variables; empty when there was no valid answer (the agent's defaults apply). */
  dynamicVariables: Record<string, unknown>;
};

/**
 * Where the agent's app lives and its token, learned from the agent's tool JSON (`agentTools` in the
 * config, the same JSON pasted into ElevenLabs): the tools' URLs are `{origin}/api/agent-actions/…`
 * and each sends `X-Agent-Token`. Null without tools: there is no app to ask.
 */
export function conversationInitEndpoint(tools: AgentTools | undefined): { url: string; headers: Record<string, string> } | null {
  const tool = tools?.tools.find((candidate) => candidate.api_schema.url.includes(AGENT_ACTIONS));
  if (!tool) return null;
  const toolUrl = tool.api_schema.url;
  const base = toolUrl.slice(0, toolUrl.indexOf(AGENT_ACTIONS));
  const token = Object.entries(tool.api_schema.request_headers).find(([name]) => name.toLowerCase() === "x-agent-token")?.[1];
  return { url: `${base}${AGENT_ACTIONS}conversation-init`, headers: token ? { "X-Agent-Token": token } : {} };
}

/**
 * ElevenLabs' conversation-initiation client-data webhook: POST the caller's details, read back
 * `{ type: "conversation_initiation_client_data", dynamic_variables }`. A failure is logged and the
 * call goes on with no variables, as the agent would with its defaults.
 */
export async function requestConversationInit(
  tools: AgentTools | undefined,
  body: ConversationInitBody,
  log: (line: string) => void,
): Promise<ConversationInitResult> {
  const endpoint = conversationInitEndpoint(tools);
  if (!endpoint) {
    log(`inbound call to ${body.agent_id}: no tool JSON for this agent, so no conversation-initiation webhook`);
    return { url: null, status: null, error: "no tools configured for this agent", dynamicVariables: {} };
  }
  try {
    const res = await fetch(endpoint.url, {
      method: "POST",
      headers: { ...endpoint.headers, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(INIT_TIMEOUT_MS),
    });
    const answer = (await res.json().catch(() => null)) as { type?: unknown; dynamic_variables?: unknown } | null;
    const variables = answer?.dynamic_variables;
    const valid =
      res.ok && answer?.type === "conversation_initiation_client_data" && typeof variables === "object" && variables !== null && !Array.isArray(variables);
    if (!valid) {
      const error = res.ok ? "the answer is not conversation_initiation_client_data" : `the app answered HTTP ${res.status}`;
      log(`conversation-initiation webhook for ${body.agent_id}: ${error}`);
      return { url: endpoint.url, status: res.status, error, dynamicVariables: {} };
    }
    return { url: endpoint.url, status: res.status, error: null, dynamicVariables: variables as Record<string, unknown> };
  } catch (error) {
    log(`conversation-initiation webhook for ${body.agent_id} failed: ${String(error)}`);
    return { url: endpoint.url, status: null, error: String(error), dynamicVariables: {} };
  }
}
