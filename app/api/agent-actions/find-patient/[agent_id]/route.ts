import { withAgentAction } from "@/lib/agents/with-agent-action";
import { findPatient } from "@/lib/appointments/find-patient";
import { findPatientSchema } from "@/lib/appointments/schemas";
import { readJson } from "@/lib/http/parse-request";

export const POST = withAgentAction(async ({ req, agent }) => {
  const input = await readJson(req, findPatientSchema, 10_000);
  return Response.json(await findPatient(agent.organizationId, input));
});
