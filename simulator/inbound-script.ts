import type { ToolResult } from "@/simulator/agent-tools";
import { text, turns, type ClinicScript, type ScriptTurn } from "@/simulator/clinic-script";
import { pickOne } from "@/simulator/prng";

/** How a patient's call to the clinic ends; "resolved" is a question answered (a word the app knows). */
export const INBOUND_OUTCOMES = ["appointment_booked", "callback_scheduled", "resolved"] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];

/**
 * A patient calling the clinic, built from the conversation-initiation answer's dynamic variables
 * (clinic_name, greeting, contact_name for a known caller): the agent answers, the caller asks for a
 * visit, a call back or opening hours. When the agent's tools really ran, the conversation says what
 * they answered.
 */
export function buildInboundScript(variables: Record<string, unknown>, outcome: InboundOutcome, random: () => number, callerName: string | null, tool: ToolResult | null = null): ClinicScript {
  const clinic = text(variables.clinic_name) || "the clinic";
  const greeting = text(variables.greeting) || "Hello";
  const known = text(variables.known_caller) === "yes" ? text(variables.contact_name) : "";
  const name = known || callerName || "the caller";
  const day = pickOne(random, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] as const);
  const time = pickOne(random, ["9:30 am", "10 am", "11:15 am", "2 pm", "3:30 pm"] as const);

  const opening: Array<[ScriptTurn["role"], string]> = known
    ? [["agent", `${greeting}, ${clinic}, this is Ava. Hi ${known.split(/\s+/)[0]}, how can I help today?`]]
    : [
        ["agent", `${greeting}, ${clinic}, this is Ava. How can I help?`],
        ["user", `Hi, it's ${callerName ?? "a new patient"} here.`],
      ];
  const endings: Record<InboundOutcome, { lines: Array<[ScriptTurn["role"], string]>; summary: string; title: string; rationale: string }> = {
    appointment_booked: {
      lines: [
        ["user", `Do you have anything free on ${day}?`],
        ["agent", `We do — ${day} at ${time}. Shall I book that for you?`],
        ["user", "Yes please."],
        ["agent", `Done! You're booked for ${day} at ${time}.`],
      ],
      summary: `${name} called ${clinic} and booked an appointment for ${day} at ${time}.`,
      title: "Appointment booked (inbound)",
      rationale: `The caller asked for a visit and accepted the ${day} ${time} slot.`,
    },
    callback_scheduled: {
      lines: [
        ["user", "I'd like to talk to someone about my results, but I'm about to go into a meeting. Could you call me back tomorrow at 10?"],
        ["agent", "Of course. I'll arrange a call back tomorrow at 10."],
        ["user", "Thank you."],
      ],
      summary: `${name} called ${clinic} and asked to be called back tomorrow at 10 about their results.`,
      title: "Callback requested (inbound)",
      rationale: "The caller asked for a call back.",
    },
    resolved: {
      lines: [
        ["user", "What time are you open until on Saturdays?"],
        ["agent", "We're open until 1 pm on Saturdays."],
        ["user", "Great, thanks. Bye!"],
      ],
      summary: `${name} called ${clinic} to ask about Saturday opening hours and got the answer.`,
      title: "Opening hours question",
      rationale: "The caller's question was answered.",
    },
  };
  if (tool?.kind === "booked" && outcome === "appointment_booked") {
    endings.appointment_booked.lines = [
      ["user", "Do you have anything coming up?"],
      ["agent", `Let me check. I have ${tool.date} at ${tool.startTime}. Shall I book that for you?`],
      ["user", "Yes please."],
      ["agent", tool.message],
    ];
    endings.appointment_booked.summary = `${name} called ${clinic} and booked an appointment for ${tool.date} at ${tool.startTime}.`;
  } else if (tool?.kind === "booking_failed" && outcome === "appointment_booked") {
    endings.appointment_booked.lines = [...endings.appointment_booked.lines.slice(0, 3), ["agent", tool.message]];
  } else if (tool?.kind === "callback" && outcome === "callback_scheduled") {
    endings.callback_scheduled.lines = [...endings.callback_scheduled.lines.slice(0, 1), ["agent", tool.message], ["user", "Thank you."]];
  }
  const ending = endings[outcome];
  const transcript = turns([...opening, ...ending.lines]);
  const last = transcript[transcript.length - 1];
  return {
    transcript,
    durationSecs: (last?.time_in_call_secs ?? 0) + 4,
    summary: ending.summary,
    title: ending.title,
    callSuccessful: "success",
    terminationReason: "Call ended by remote party",
    rationale: ending.rationale,
  };
}
