import { withAgentAction } from "@/lib/agents/with-agent-action";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { bookAppointmentSchema } from "@/lib/appointments/schemas";
import { readJson } from "@/lib/http/parse-request";

// A taken or closed slot is a normal answer (200, success: false, other times offered), not an error:
// the agent keeps talking with it.
export const POST = withAgentAction(async ({ req, agent }) => {
  const input = await readJson(req, bookAppointmentSchema, 20_000);
  const result = await bookAppointment(agent.organizationId, input);
  return Response.json(result, { status: result.success ? 201 : 200 });
});
