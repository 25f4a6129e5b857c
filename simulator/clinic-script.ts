import { pickOne } from "@/simulator/prng";
import type { CallOutcome } from "@/simulator/options";
import type { ToolResult } from "@/simulator/agent-tools";

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
};

/**
 * A plausible clinic call built from the dial's dynamic variables, so demos show the patient's own
 * name, greeting and clinic. Missing variables get neutral words instead of "{{contact_name}}".
 */
export function buildClinicScript(variables: Record<string, unknown>, outcome: CallOutcome, random: () => number, tool: ToolResult | null = null): ClinicScript {
  const name = text(variables.contact_name) || "there";
  const firstName = name.split(/\s+/)[0] ?? name;
  const greeting = text(variables.greeting) || "Hello";
  // Who is calling: the clinic when the dial names it, else the business the contact belongs to.
  const caller = text(variables.clinic_name) || text(variables.business_name) || "the clinic";
  const day = pickOne(random, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] as const);
  const time = pickOne(random, ["9:30 am", "10 am", "11:15 am", "2 pm", "3:30 pm", "4:45 pm"] as const);

  if (outcome === "voicemail") {
    const transcript = turns([
      ["agent", `${greeting} ${firstName}, this is Ava from ${caller}. We're calling to help you book your next visit. Please call us back when it suits you. Thanks, bye!`],
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
  const endings: Record<Exclude<CallOutcome, "voicemail">, { lines: Array<[ScriptTurn["role"], string]>; summary: string; title: string; rationale: string }> = {
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
        ["user", `I can't talk right now. Could you call me back on ${day}?`],
        ["agent", `Of course. I'll arrange a call back on ${day} around ${time}.`],
        ["user", "Thanks, that's better for me."],
      ],
      summary: `${name} was busy and asked ${caller} to call back on ${day} around ${time}.`,
      title: "Callback requested",
      rationale: `The patient asked for a call back on ${day}.`,
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
        ["agent", `Let me check. I have ${tool.date} at ${tool.startTime}. Shall I book that for you?`],
        ["user", "Yes, that works."],
        ["agent", tool.message],
      ],
      summary: `${name} booked an appointment at ${caller} for ${tool.date} at ${tool.startTime}.`,
      title: "Appointment booked",
      rationale: `The patient accepted the ${tool.date} ${tool.startTime} slot and the agent booked it.`,
    };
  } else if (tool?.kind === "booking_failed" && outcome === "appointment_booked") {
    endings.appointment_booked.lines = [...endings.appointment_booked.lines.slice(0, 3), ["agent", tool.message]];
  } else if (tool?.kind === "callback" && outcome === "callback_scheduled") {
    endings.callback_scheduled.lines = [["user", "I can't talk right now. Could you call me back tomorrow at 10?"], ["agent", tool.message], ["user", "Thanks, that's better for me."]];
  }
  const ending = endings[outcome];
  const transcript = turns([...opening, ...ending.lines]);
  const last = transcript[transcript.length - 1];
  return {
    transcript,
    durationSecs: (last?.time_in_call_secs ?? 0) + 4,
    summary: ending.summary,
    title: ending.title,
    callSuccessful: outcome === "not_interested" ? "failure" : "success",
    terminationReason: "Call ended by remote party",
    rationale: ending.rationale,
  };
}

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
