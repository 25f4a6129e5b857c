import { withAgentAction } from "@/lib/agents/with-agent-action";
import { checkAvailability } from "@/lib/appointments/check-availability";
import { checkAvailabilitySchema } from "@/lib/appointments/schemas";
import { readJson } from "@/lib/http/parse-request";

// The clinic is the token's, never one named in the body.
export const POST = withAgentAction(async ({ req, agent }) => {
  const input = await readJson(req, checkAvailabilitySchema, 10_000);
  return Response.json(await checkAvailability(agent.organizationId, input));
});
