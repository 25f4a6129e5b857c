import { withAgentAction } from "@/lib/agents/with-agent-action";
import { conversationInitiationData, conversationInitSchema } from "@/lib/agents/conversation-init";

// ElevenLabs' conversation-initiation webhook for inbound Twilio calls. The agent id comes in the body, and
// the token in the header the workspace's webhook settings send; the clinic is the token's.
export const POST = withAgentAction(
  async ({ agent, body }) =>
    Response.json(await conversationInitiationData(agent.organizationId, conversationInitSchema.parse(body)), { headers: { "cache-control": "no-store" } }),
  { agentIdFrom: "body" },
);
