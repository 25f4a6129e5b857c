import type { CallOutcome } from "@/simulator/options";
import type { ToolResult } from "@/simulator/agent-tools";
import type { PatientAsk } from "@/simulator/patient-ask";
import { buildHindiClinicScript, speaksHindi } from "@/simulator/hindi-clinic-script";

export type ScriptTurn = { role: "agent" | "user"; message: string; time_in_call_secs: number };

export type ClinicScript = {
  transcript: ScriptTurn[];
  durationSecs: number;
  summary: string;
  title: string;
  /** ElevenLabs' success evaluation for the call. */
  callSuccessful: "success" | "failure";
  terminationReason: string;
  rationale: string;
  /** The data-collection `call_outcome` when the call turned out other than planned (a booking the app refused). */
  outcome?: string;
};

/**
 * A plausible clinic call built from the dial's dynamic variables, so demos show the patient's own
 * name, greeting and clinic. Missing variables get neutral words instead of "{{contact_name}}".
 * One story per call: the day and time the patient asks for (`ask`) are the ones the agent repeats, the
 * tools are sent and the summary tells; when the app's tools answered, their answer wins everywhere.
 * A dial for a Hindi-speaking patient (`language` hi-IN) is held in Hindi (hindi-clinic-script.ts).
 */
export function buildClinicScript(variables: Record<string, unknown>, outcome: CallOutcome, ask: PatientAsk, tool: ToolResult | null = null): ClinicScript {
  if (speaksHindi(variables)) return buildHindiClinicScript(variables, outcome, ask, tool);
  const name = text(variables.contact_name) || "there";
  const firstName = name.split(/\s+/)[0] ?? name;
  const greeting = text(variables.greeting) || "Hello";
  // Who is calling: the clinic when the dial names it, else the business the contact belongs to.
  const caller = text(variables.clinic_name) || text(variables.business_name) || "the clinic";
  const { visitDay: day, visitTime: time, callbackWhen } = ask;

  if (outcome === "voicemail") {
    const transcript = turns([
      [
        "agent",
        `${greeting} ${firstName}, this is Ava from ${caller}. We're calling to help you book your next visit. Please call us back when it suits you. Thanks, bye!`,
      ],
    ]);
    return {
      transcript,
      durationSecs: 18,
      summary: `The call reached ${name}'s voicemail; Ava left a message asking them to call ${caller} back.`,
      title: "Voicemail left",
      callSuccessful: "failure",
      terminationReason: "Voicemail detected",
      rationale: "The agent reached voicemail and left a message.",
    };
  }

  const opening: Array<[ScriptTurn["role"], string]> = [
    ["agent", `${greeting}, is this ${name}?`],
    ["user", "Yes, speaking."],
    ["agent", `Hi ${firstName}, this is Ava calling from ${caller}. It's been a while since your last visit — would you like to book a check-up?`],
  ];
  const endings: Record<Exclude<CallOutcome, "voicemail">, ScriptEnding> = {
    appointment_booked: {
      lines: [
        ["user", `Oh, good timing. Do you have anything on ${day}?`],
        ["agent", `We do — ${day} at ${time}. Shall I book that for you?`],
        ["user", `Yes, ${time} works.`],
        ["agent", `Done! You're booked for ${day} at ${time} at ${caller}. We'll send a reminder the day before.`],
      ],
      summary: `${name} booked a check-up at ${caller} for ${day} at ${time}.`,
      title: "Appointment booked",
      rationale: `The patient accepted the ${day} ${time} slot.`,
    },
    callback_scheduled: {
      lines: [
        ["user", `I can't talk right now. Could you call me back ${callbackWhen}?`],
        ["agent", `Of course. I'll arrange a call back ${callbackWhen}.`],
        ["user", "Thanks, that's better for me."],
      ],
      summary: `${name} was busy and asked ${caller} to call back ${callbackWhen}.`,
      title: "Callback requested",
      rationale: `The patient asked for a call back ${callbackWhen}.`,
    },
    escalated: {
      lines: [
        ["user", "Actually, I've had chest pains since I started the new tablets. Can I speak to a nurse?"],
        [
          "agent",
          `I'm sorry to hear that, ${firstName}. I can't give medical advice, so I'm passing this to the nurse at ${caller} now and someone will call you shortly. If the pain gets worse, call emergency services.`,
        ],
        ["user", "Okay, thank you."],
      ],
      summary: `${name} reported chest pains since starting new tablets and asked to speak to a nurse; Ava passed it to the clinic team.`,
      title: "Escalated to a nurse",
      rationale: "The patient reported a symptom that needs a clinician.",
    },
    not_interested: {
      lines: [
        ["user", "No thanks, I'm not interested at the moment."],
        ["agent", "No problem at all. Thanks for your time, and have a lovely day."],
      ],
      summary: `${name} declined to book a visit with ${caller}.`,
      title: "Not interested",
      rationale: "The patient declined an appointment.",
    },
  };
  // When the agent really called Callboard's tools, the conversation says what they answered.
  if (tool?.kind === "booked" && outcome === "appointment_booked") {
    endings.appointment_booked = {
      lines: [
        ["user", "Oh, good timing. What do you have coming up?"],
        ["agent", `Let me check. I have ${tool.when}. Shall I book that for you?`],
        ["user", "Yes, that works."],
        ["agent", tool.message],
      ],
      summary: `${name} booked an appointment at ${caller} for ${tool.when}.`,
      title: "Appointment booked",
      rationale: `The patient accepted ${tool.when} and the agent booked it.`,
    };
  } else if (tool?.kind === "booking_failed" && outcome === "appointment_booked") {
    // The app refused the slot: the call ends without a booking, and says so.
    endings.appointment_booked = {
      lines: [
        ...endings.appointment_booked.lines.slice(0, 3),
        ["agent", tool.message],
        ["user", "None of those suit me. Could someone from the clinic call me back?"],
      ],
      summary: `${name} wanted an appointment at ${caller}, but the time could not be booked (${tool.message}); they asked the clinic to call back.`,
      title: "Booking not completed",
      rationale: "The agent could not book the slot the patient chose; the patient asked for a call back.",
      outcome: "callback",
    };
  } else if (tool?.kind === "callback" && outcome === "callback_scheduled") {
    endings.callback_scheduled = {
      lines: [
        ["user", `I can't talk right now. Could you call me back ${tool.asked}?`],
        ["agent", tool.message],
        ["user", "Thanks, that's better for me."],
      ],
      summary: `${name} was busy and asked ${caller} to call back ${tool.asked}; Ava will call back ${tool.when}.`,
      title: "Callback requested",
      rationale: `The patient asked for a call back ${tool.asked} and the agent scheduled it for ${tool.when}.`,
    };
  }
  const ending = endings[outcome];
  const transcript = turns([...opening, ...ending.lines]);
  const last = transcript[transcript.length - 1];
  return {
    transcript,
    durationSecs: (last?.time_in_call_secs ?? 0) + 4,
    summary: ending.summary,
    title: ending.title,
    callSuccessful: outcome === "not_interested" || outcome === "escalated" || ending.outcome ? "failure" : "success",
    terminationReason: "Call ended by remote party",
    rationale: ending.rationale,
    ...(ending.outcome ? { outcome: ending.outcome } : {}),
  };
}

/** How a conversation ends: its last turns and what the analysis says of it. */
export type ScriptEnding = { lines: Array<[ScriptTurn["role"], string]>; summary: string; title: string; rationale: string; outcome?: string };

/** Gives each turn a time in the call: a few seconds per turn, longer for longer sentences. */
export function turns(lines: Array<[ScriptTurn["role"], string]>): ScriptTurn[] {
  let clock = 0;
  return lines.map(([role, message]) => {
    const turn = { role, message, time_in_call_secs: clock };
    clock += 2 + Math.ceil(message.length / 20);
    return turn;
  });
}

export function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}
