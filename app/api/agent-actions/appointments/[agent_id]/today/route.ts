import { withAgentAction } from "@/lib/agents/with-agent-action";
import { listTodayAppointments } from "@/lib/appointments/list-today-appointments";

export const GET = withAgentAction(async ({ agent }) => Response.json(await listTodayAppointments(agent.organizationId, { withNames: agent.staffFacing })));
