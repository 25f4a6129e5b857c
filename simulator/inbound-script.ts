import type { ToolResult } from "@/simulator/agent-tools";
import { text, turns, type ClinicScript, type ScriptEnding, type ScriptTurn } from "@/simulator/clinic-script";
import type { PatientAsk } from "@/simulator/patient-ask";

/** How a patient's call to the clinic ends; "resolved" is a question answered (a word the app knows). */
export const INBOUND_OUTCOMES = ["appointment_booked", "callback_scheduled", "resolved", "escalated"] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];

/**
 * A patient calling the clinic, built from the conversation-initiation answer's dynamic variables
 * (clinic_name, greeting, contact_name for a known caller): the agent answers, the caller asks for a
 * visit, a call back or opening hours. When the agent's tools really ran, the conversation says what
 * they answered.
 */
export function buildInboundScript(
  variables: Record<string, unknown>,
  outcome: InboundOutcome,
  ask: PatientAsk,
  callerName: string | null,
  tool: ToolResult | null = null,
): ClinicScript {
  const clinic = text(variables.clinic_name) || "the clinic";
  const greeting = text(variables.greeting) || "Hello";
  const known = text(variables.known_caller) === "yes" ? text(variables.contact_name) : "";
  const name = known || callerName || "the caller";
  const { visitDay: day, visitTime: time, callbackWhen } = ask;

  const opening: Array<[ScriptTurn["role"], string]> = known
    ? [["agent", `${greeting}, ${clinic}, this is Ava. Hi ${known.split(/\s+/)[0]}, how can I help today?`]]
    : [
        ["agent", `${greeting}, ${clinic}, this is Ava. How can I help?`],
        ["user", `Hi, it's ${callerName ?? "a new patient"} here.`],
      ];
  const endings: Record<InboundOutcome, ScriptEnding> = {
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
        ["user", `I'd like to talk to someone about my results, but I'm about to go into a meeting. Could you call me back ${callbackWhen}?`],
        ["agent", `Of course. I'll arrange a call back ${callbackWhen}.`],
        ["user", "Thank you."],
      ],
      summary: `${name} called ${clinic} and asked to be called back ${callbackWhen} about their results.`,
      title: "Callback requested (inbound)",
      rationale: `The caller asked for a call back ${callbackWhen}.`,
    },
    escalated: {
      lines: [
        ["user", "My blood test results came back and they say my potassium is high. I'd like to talk to a doctor today."],
        [
          "agent",
          "I understand. I can't interpret results myself, so I'm passing this to the doctor on duty now; someone from the clinic will call you back this morning.",
        ],
        ["user", "Thank you, I appreciate it."],
      ],
      summary: `${name} called ${clinic} worried about high potassium in their blood test results and asked to talk to a doctor; Ava passed it to the doctor on duty.`,
      title: "Escalated to the doctor (inbound)",
      rationale: "The caller's results need a clinician.",
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
      ["agent", `Let me check. I have ${tool.when}. Shall I book that for you?`],
      ["user", "Yes please."],
      ["agent", tool.message],
    ];
    endings.appointment_booked.summary = `${name} called ${clinic} and booked an appointment for ${tool.when}.`;
    endings.appointment_booked.rationale = `The caller asked for a visit and accepted ${tool.when}.`;
  } else if (tool?.kind === "booking_failed" && outcome === "appointment_booked") {
    endings.appointment_booked = {
      lines: [...endings.appointment_booked.lines.slice(0, 3), ["agent", tool.message], ["user", "None of those suit me. Could someone call me back?"]],
      summary: `${name} called ${clinic} for an appointment, but the time could not be booked (${tool.message}); they asked to be called back.`,
      title: "Booking not completed (inbound)",
      rationale: "The agent could not book the slot the caller chose; the caller asked for a call back.",
      outcome: "callback",
    };
  } else if (tool?.kind === "callback" && outcome === "callback_scheduled") {
    endings.callback_scheduled.lines = [...endings.callback_scheduled.lines.slice(0, 1), ["agent", tool.message], ["user", "Thank you."]];
    endings.callback_scheduled.summary = `${name} called ${clinic} and asked to be called back ${tool.asked} about their results; Ava will call back ${tool.when}.`;
    endings.callback_scheduled.rationale = `The caller asked for a call back ${tool.asked} and the agent scheduled it for ${tool.when}.`;
  }
  const ending = endings[outcome];
  const transcript = turns([...opening, ...ending.lines]);
  const last = transcript[transcript.length - 1];
  return {
    transcript,
    durationSecs: (last?.time_in_call_secs ?? 0) + 4,
    summary: ending.summary,
    title: ending.title,
    callSuccessful: ending.outcome || outcome === "escalated" ? "failure" : "success",
    terminationReason: "Call ended by remote party",
    rationale: ending.rationale,
    ...(ending.outcome ? { outcome: ending.outcome } : {}),
  };
}
