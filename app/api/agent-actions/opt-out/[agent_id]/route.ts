import { withAgentAction } from "@/lib/agents/with-agent-action";
import { optOutByAgent } from "@/lib/compliance/do-not-call/opt-out-by-agent";
import { agentOptOutSchema } from "@/lib/compliance/do-not-call/schemas";
import { readJson } from "@/lib/http/parse-request";

// The patient on the line asked not to be called again: their number (decided by the server) goes on the list now.
export const POST = withAgentAction(async ({ req, agent }) => {
  const input = await readJson(req, agentOptOutSchema, 20_000);
  const answer = await optOutByAgent(agent.organizationId, input);
  return Response.json(answer, { status: answer.added ? 201 : 200 });
});
