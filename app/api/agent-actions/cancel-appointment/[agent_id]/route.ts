import { withAgentAction } from "@/lib/agents/with-agent-action";
import { cancelAppointment } from "@/lib/appointments/cancel-appointment";
import { cancelAppointmentSchema } from "@/lib/appointments/schemas";
import { readJson } from "@/lib/http/parse-request";

export const POST = withAgentAction(async ({ req, agent }) => {
  const input = await readJson(req, cancelAppointmentSchema, 10_000);
  return Response.json(await cancelAppointment(agent.organizationId, input));
});
