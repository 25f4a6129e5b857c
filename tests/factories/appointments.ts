import { getDb } from "@/lib/db";
import { createSecretToken } from "@/lib/auth/secret-token";
import type { OpeningDay } from "@/lib/appointments/opening-hours";

/** A registered voice agent with a known token (the API shows a token once, so tests make their own). */
export async function createAgentWithToken(organizationId: string, agentId = `agent_${Math.random().toString(36).slice(2, 10)}`) {
  const { token, hash, visiblePrefix } = createSecretToken("cbat");
  const agent = await getDb().voiceAgent.create({
    data: { organizationId, agentId, name: "Reception", tokenHash: hash, tokenPrefix: visiblePrefix, tokenCreatedAt: new Date() },
  });
  return { agent, agentId, token };
}

export const EVERY_DAY_9_TO_5: OpeningDay[] = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: 540, end: 1020 }));

export async function setOpeningHours(organizationId: string, openingHours: OpeningDay[], appointmentSlotMinutes = 30) {
  await getDb().organization.update({ where: { id: organizationId }, data: { openingHours: openingHours as unknown as object[], appointmentSlotMinutes } });
}

export async function createAppointment(
  organizationId: string,
  startsAt: Date,
  minutes = 30,
  overrides: Partial<{ attendeeName: string; attendeePhone: string; status: "SCHEDULED" | "CONFIRMED" | "CANCELLED"; source: "STAFF" | "AGENT" }> = {},
) {
  return getDb().appointment.create({
    data: {
      organizationId,
      title: "Appointment",
      startsAt,
      endsAt: new Date(+startsAt + minutes * 60_000),
      attendeeName: overrides.attendeeName ?? "Pat Example",
      attendeePhone: overrides.attendeePhone ?? null,
      status: overrides.status ?? "SCHEDULED",
      source: overrides.source ?? "STAFF",
    },
  });
}

/** Calls an agent-action route handler as ElevenLabs would: the token header, the agent id in the path. */
export function callAgentAction(
  handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>,
  agentId: string,
  token: string | null,
  body?: unknown,
  method = body === undefined ? "GET" : "POST",
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== null) headers["x-agent-token"] = token;
  const req = new Request(`http://localhost/api/agent-actions/x/${agentId}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return handler(req, { params: Promise.resolve({ agent_id: agentId }) });
}
