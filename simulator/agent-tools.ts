import type { AgentTools } from "@/simulator/options";
import type { PatientAsk } from "@/simulator/patient-ask";

/**
 * What the simulated agent did on the app mid-call, for the transcript. `message` is what the app answered
 * (the agent says it as it is); `when` the time it names, for the summary; `asked` the words the patient
 * used and the tool was sent.
 */
export type ToolResult =
  | { kind: "booked"; date: string; startTime: string; when: string; message: string }
  | { kind: "booking_failed"; message: string }
  | { kind: "callback"; asked: string; when: string; message: string };

type Tool = AgentTools["tools"][number];

/** The call as the agent knows it (a SimulatedCall fits). */
type CallOnTheLine = {
  conversationId: string;
  direction: "outbound" | "inbound";
  /** The patient's number. */
  externalNumber: string;
  /** The clinic's line. */
  agentNumber: string;
  dynamicVariables: Record<string, unknown>;
  /** The name the caller gave, when the dynamic variables do not know them. */
  patientName?: string | null;
};

/** ElevenLabs waits `response_timeout_secs` for a webhook tool: 20 s unless the tool says otherwise (5–120). */
const DEFAULT_TOOL_TIMEOUT_SECS = 20;

function toolTimeoutMs(tool: Tool): number {
  const secs = (tool as { response_timeout_secs?: unknown }).response_timeout_secs;
  return (typeof secs === "number" && secs >= 5 && secs <= 120 ? secs : DEFAULT_TOOL_TIMEOUT_SECS) * 1000;
}

async function callTool(tool: Tool, body: Record<string, unknown>, log: (line: string) => void): Promise<Record<string, unknown> | null> {
  try {
    const res = await fetch(tool.api_schema.url, {
      method: tool.api_schema.method,
      headers: { ...tool.api_schema.request_headers, "content-type": "application/json" },
      body: tool.api_schema.method === "POST" ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(toolTimeoutMs(tool)),
    });
    const answer = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    if (!res.ok) log(`tool ${tool.name} answered ${res.status}: ${String(answer?.message ?? "")}`);
    return answer;
  } catch (error) {
    log(`tool ${tool.name} failed: ${String(error)}`);
    return null;
  }
}

/** "2026-12-02" days after today's UTC date: never before the clinic's today, whatever its zone. */
function utcDatePlus(days: number, now: number): string {
  return new Date(now + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What ElevenLabs' system variables hold on this call: `system__caller_id` is the number that rang
 * (the clinic's line on an outbound call, the patient's on an inbound one), `system__called_number`
 * the number that was rung. The app decides from them which is the patient.
 */
export function systemVariables(call: Omit<CallOnTheLine, "dynamicVariables">) {
  const inbound = call.direction === "inbound";
  return {
    caller_id: inbound ? call.externalNumber : call.agentNumber,
    called_number: inbound ? call.agentNumber : call.externalNumber,
    conversation_id: call.conversationId,
  };
}

/**
 * The simulated agent's tool calls for a call heading to `outcome`, the way an ElevenLabs agent with
 * Callboard's server tools would make them: for a booking, check_availability day by day (from tomorrow)
 * and book_appointment on the first free slot; for a callback, schedule_callback with the time the patient
 * asked for (`ask.callbackWhen`). Every
 * call sends caller_id, called_number and conversation_id (the system variables) and nothing else about the
 * patient's number, as Callboard's tool JSON defines them (the app decides which number is the patient's; it
 * never acts on a number the agent typed). Null when the agent has no such tools — the script then stays a
 * story only.
 */
export async function runAgentTools(
  tools: AgentTools | undefined,
  outcome: string,
  call: CallOnTheLine,
  ask: PatientAsk,
  log: (line: string) => void,
  now: number = Date.now(),
): Promise<ToolResult | null> {
  const find = (name: string) => tools?.tools.find((tool) => tool.name === name);
  const contactName = typeof call.dynamicVariables.contact_name === "string" ? call.dynamicVariables.contact_name.trim() : "";
  const name = call.patientName?.trim() || contactName || "Simulated Patient";
  const system = systemVariables(call);

  if (outcome === "callback_scheduled") {
    const callback = find("schedule_callback");
    if (!callback) return null;
    const answer = await callTool(
      callback,
      { ...system, time: ask.callbackWhen, context: `Asked during a simulated call to be called back ${ask.callbackWhen}` },
      log,
    );
    if (!answer || typeof answer.message !== "string") return null;
    const when =
      timeNamedIn(answer.message, /I'll call you (.+?)\.?$|आपको (.+?) कॉल किया जाएगा/) ??
      (typeof answer.local_time === "string" ? answer.local_time : ask.callbackWhen);
    return { kind: "callback", asked: ask.callbackWhen, when, message: answer.message };
  }
  if (outcome !== "appointment_booked") return null;
  const check = find("check_availability");
  const book = find("book_appointment");
  if (!check || !book) return null;
  for (let day = 1; day <= 14; day++) {
    const date = utcDatePlus(day, now);
    const slots = await callTool(check, { ...system, date }, log);
    if (!slots || !Array.isArray(slots.slots)) return null;
    const free = (slots.slots as { start_time?: unknown; available?: unknown }[]).find(
      (slot) => slot.available === true && typeof slot.start_time === "string",
    );
    if (!free) continue;
    const answer = await callTool(book, { ...system, date, start_time: free.start_time, customer_name: name, notes: "Booked during a simulated call" }, log);
    if (!answer || typeof answer.message !== "string") return null;
    const startTime = String(free.start_time);
    if (answer.success !== true) return { kind: "booking_failed", message: answer.message };
    return {
      kind: "booked",
      date,
      startTime,
      when: timeNamedIn(answer.message, /is booked for (.+?)\.?$|अपॉइंटमेंट (.+?) के लिए बुक/) ?? `${date} at ${startTime}`,
      message: answer.message,
    };
  }
  return null;
}

/** The time an answer of the app names ("Done — I'll call you tomorrow at 10:00 AM." → "tomorrow at 10:00 AM"; the Hindi answer too). */
function timeNamedIn(message: string, pattern: RegExp): string | null {
  const match = pattern.exec(message);
  return (match?.[1] ?? match?.[2])?.trim() || null;
}
