import { withAgentAction } from "@/lib/agents/with-agent-action";
import { rescheduleAppointment } from "@/lib/appointments/reschedule-appointment";
import { rescheduleAppointmentSchema } from "@/lib/appointments/schemas";
import { readJson } from "@/lib/http/parse-request";

// A taken time is an answer (200, success: false, other times offered), like book-appointment.
export const POST = withAgentAction(async ({ req, agent }) => {
  const input = await readJson(req, rescheduleAppointmentSchema, 10_000);
  return Response.json(await rescheduleAppointment(agent.organizationId, input));
});
