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

function tool(
  name: string,
  description: string,
  url: string,
  method: "GET" | "POST",
  token: string,
  properties: Record<string, ToolProperty>,
  required: string[],
) {
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
  // ElevenLabs takes exactly one value source per property: a description (the LLM fills it) or a
  // dynamic variable (the platform fills it) — never both, or it refuses the tool.
  // The call's numbers and conversation, filled by ElevenLabs. Which number is the patient's is decided by
  // the server (the number it dialed, else the one that is not the clinic's): on an outbound call the caller
  // id is the clinic's own number.
  const line: Record<string, ToolProperty> = {
    caller_id: { type: "string", dynamic_variable: "system__caller_id" },
    called_number: { type: "string", dynamic_variable: "system__called_number" },
    conversation_id: { type: "string", dynamic_variable: "system__conversation_id" },
  };
  const date = (what: string): ToolProperty => ({
    type: "string",
    description: `${what}, as YYYY-MM-DD in the clinic's calendar. Work it out from today's date ({{current_date}}) when the caller says "tomorrow" or "next Tuesday".`,
  });
  const time = (what: string): ToolProperty => ({ type: "string", description: `${what}, as HH:mm on a 24-hour clock in the clinic's time (3 pm is 15:00).` });
  const duration: ToolProperty = {
    type: "integer",
    description: "How long the appointment is, in minutes (5 to 240). Leave it out for the clinic's usual slot.",
  };
  const appointmentId: ToolProperty = {
    type: "string",
    description: "The appointment_id an earlier tool answer gave, if you have one. Leave it out to use the caller's next appointment.",
  };
  return {
    tools: [
      tool(
        "check_availability",
        "Looks up free appointment times on a day, in the clinic's time. Use it before offering times; read the answer's message to the caller.",
        `${base}/check-availability/${id}`,
        "POST",
        token,
        {
          date: date("The day the caller asks about"),
          time: time("A time the caller prefers, if they named one"),
          duration_minutes: duration,
          ...line,
        },
        ["date"],
      ),
      tool(
        "book_appointment",
        "Books an appointment once the caller has agreed to a day and time. If the answer says success is false, offer the alternatives it gives.",
        `${base}/book-appointment/${id}`,
        "POST",
        token,
        {
          date: date("The appointment day"),
          start_time: time("The start time"),
          duration_minutes: duration,
          customer_name: { type: "string", description: "The patient's full name, as they said it" },
          // The one number the LLM may fill: only a NEW booking takes it, and only when the call's numbers name
          // nobody (a hidden caller id). No other tool reads a number the agent typed (lib/appointments/caller-phone.ts).
          customer_phone: {
            type: "string",
            description:
              "Only if an earlier answer asked for the caller's phone number (their number is hidden): the number they said, with the area code. Leave it out otherwise.",
          },
          customer_email: { type: "string", description: "The patient's email address, only if they gave one" },
          notes: { type: "string", description: "The reason for the visit or anything the clinic should know, in a sentence" },
          ...line,
        },
        ["date", "start_time", "customer_name"],
      ),
      tool(
        "reschedule_appointment",
        "Moves the caller's appointment to a new day and time they agreed to. Without an appointment_id it moves their next appointment.",
        `${base}/reschedule-appointment/${id}`,
        "POST",
        token,
        {
          appointment_id: appointmentId,
          new_date: date("The new day"),
          new_start_time: time("The new start time"),
          duration_minutes: duration,
          ...line,
        },
        ["new_date", "new_start_time"],
      ),
      tool(
        "cancel_appointment",
        "Cancels the caller's appointment after they confirmed they want to cancel. Without an appointment_id it cancels their next appointment.",
        `${base}/cancel-appointment/${id}`,
        "POST",
        token,
        {
          appointment_id: appointmentId,
          ...line,
        },
        [],
      ),
      tool(
        "find_patient",
        "Looks up who is on the call and their next appointment, by the patient's number on this call.",
        `${base}/find-patient/${id}`,
        "POST",
        token,
        line,
        [],
      ),
      tool(
        "schedule_callback",
        "Schedules a call back when the caller asks to be called later. Pass the time exactly as they said it; the answer's message says when the call will be.",
        `${base}/schedule-callback/${id}`,
        "POST",
        token,
        {
          time: { type: "string", description: 'When to call back, as the caller said it: "3pm", "15:00", "in 2 hours", "tomorrow 10am", "3 baje"' },
          context: { type: "string", description: "What the call back is about, in one sentence, so whoever calls back knows" },
          ...line,
        },
        ["time", "context"],
      ),
      tool(
        "opt_out",
        'Use it as soon as the caller asks not to be called again ("stop calling me", "take me off your list"). Their number goes on the clinic\'s do-not-call list; read the answer\'s message to them.',
        `${base}/opt-out/${id}`,
        "POST",
        token,
        {
          reason: { type: "string", description: "What the caller said, in a few words" },
          ...line,
        },
        [],
      ),
      tool(
        "todays_appointments",
        "Lists today's busy appointment times at the clinic, in the clinic's time (names only for an agent the clinic marked staff-facing).",
        `${base}/appointments/${id}/today`,
        "GET",
        token,
        {},
        [],
      ),
    ],
  };
}
