/**
 * The ElevenLabs webhook-tool definitions for one agent on this deployment, ready to paste into the
 * agent (Tools → Add tool → Webhook, or the agent's JSON). The URLs carry the agent id (the agent-actions
 * routes check that it belongs to the token's clinic) and every tool sends the token as `X-Agent-Token`:
 * ElevenLabs does not sign tool calls, so the header is the authentication.
 */
export const TOKEN_PLACEHOLDER = "<paste this agent's token>";

interface ToolProperty {
  type: "string" | "integer";
  description?: string;
  dynamic_variable?: string;
}

function tool(name: string, description: string, url: string, method: "GET" | "POST", token: string, properties: Record<string, ToolProperty>, required: string[]) {
  return {
    type: "webhook",
    name,
    description,
    api_schema: {
      url,
      method,
      request_headers: { "X-Agent-Token": token, "Content-Type": "application/json" },
      ...(method === "POST" ? { request_body_schema: { type: "object", properties, required } } : {}),
    },
  };
}

export function buildServerToolConfig(origin: string, agentId: string, token: string = TOKEN_PLACEHOLDER) {
  const base = `${origin}/api/agent-actions`;
  const id = encodeURIComponent(agentId);
  const callerId: ToolProperty = { type: "string", description: "The caller's phone number", dynamic_variable: "system__caller_id" };
  const conversationId: ToolProperty = { type: "string", description: "This conversation", dynamic_variable: "system__conversation_id" };
  return {
    tools: [
      tool("check_availability", "Free appointment slots on a day, in the clinic's time.", `${base}/check-availability/${id}`, "POST", token, {
        date: { type: "string", description: "The day asked about, YYYY-MM-DD" },
        time: { type: "string", description: "A preferred time, HH:mm (24-hour), if the caller named one" },
        duration_minutes: { type: "integer", description: "How long the appointment is, in minutes (default 30)" },
      }, ["date"]),
      tool("book_appointment", "Books an appointment the caller agreed to.", `${base}/book-appointment/${id}`, "POST", token, {
        date: { type: "string", description: "YYYY-MM-DD" },
        start_time: { type: "string", description: "HH:mm (24-hour), clinic time" },
        duration_minutes: { type: "integer", description: "Minutes" },
        customer_name: { type: "string", description: "The patient's full name" },
        customer_phone: callerId,
        conversation_id: conversationId,
      }, ["date", "start_time", "customer_name", "customer_phone"]),
      tool("schedule_callback", "Schedules a call back when the caller asks to be called later.", `${base}/schedule-callback/${id}`, "POST", token, {
        time: { type: "string", description: "When to call back, as the caller said it (\"3pm\", \"in 2 hours\", \"tomorrow 10am\")" },
        context: { type: "string", description: "What the callback is about, in a sentence" },
        phone_number: callerId,
        conversation_id: conversationId,
      }, ["time", "context"]),
      tool("todays_appointments", "Today's appointments at the clinic.", `${base}/appointments/${id}/today`, "GET", token, {}, []),
    ],
  };
}
