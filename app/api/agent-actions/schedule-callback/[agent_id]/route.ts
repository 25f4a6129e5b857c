import { withAgentAction } from "@/lib/agents/with-agent-action";
import { scheduleCallback } from "@/lib/appointments/schedule-callback";
import { scheduleCallbackSchema } from "@/lib/appointments/schemas";
import { readJson } from "@/lib/http/parse-request";

// The callback is placed by the agent that took this call (the one the token belongs to).
export const POST = withAgentAction(async ({ req, agent }) => {
  const input = await readJson(req, scheduleCallbackSchema, 20_000);
  return Response.json(await scheduleCallback(agent.organizationId, agent.agentId, input), { status: 201 });
});
