import type { CallOutcome } from "@/simulator/options";
import type { ToolResult } from "@/simulator/agent-tools";
import type { PatientAsk } from "@/simulator/patient-ask";
import { text, turns, type ClinicScript, type ScriptEnding, type ScriptTurn } from "@/simulator/clinic-script";

/** The dial named a Hindi-speaking patient (Callboard sends `language`, e.g. "hi-IN"). */
export function speaksHindi(variables: Record<string, unknown>): boolean {
  return /^hi\b/i.test(text(variables.language));
}

/**
 * buildClinicScript for a hi-IN patient: the same story (what the patient asks for is what the agent repeats,
 * the tools are sent and the summary tells), spoken in Hindi from the greeting on — the greeting is the dial's
 * own `{{greeting}}` ("नमस्ते"). The analysis stays in English, as ElevenLabs writes it for staff.
 */
export function buildHindiClinicScript(
  variables: Record<string, unknown>,
  outcome: CallOutcome,
  ask: PatientAsk,
  tool: ToolResult | null = null,
): ClinicScript {
  const name = text(variables.contact_name) || "आप";
  const firstName = name.split(/\s+/)[0] ?? name;
  const greeting = text(variables.greeting) || "नमस्ते";
  const caller = text(variables.clinic_name) || text(variables.business_name) || "क्लिनिक";
  const { visitDay: day, visitTime: time, callbackWhen } = ask;

  if (outcome === "voicemail") {
    return {
      transcript: turns([
        [
          "agent",
          `${greeting} ${firstName} जी, मैं ${caller} से Ava बोल रही हूँ। हम आपकी अगली अपॉइंटमेंट बुक करने के लिए कॉल कर रहे थे। जब सुविधा हो, हमें वापस कॉल कीजिए। धन्यवाद!`,
        ],
      ]),
      durationSecs: 18,
      summary: `The call reached ${name}'s voicemail; Ava left a message in Hindi asking them to call ${caller} back.`,
      title: "Voicemail left",
      callSuccessful: "failure",
      terminationReason: "Voicemail detected",
      rationale: "The agent reached voicemail and left a message.",
    };
  }

  const opening: Array<[ScriptTurn["role"], string]> = [
    ["agent", `${greeting}, क्या मेरी बात ${name} से हो रही है?`],
    ["user", "जी हाँ, बोलिए।"],
    ["agent", `${firstName} जी, मैं ${caller} से Ava बोल रही हूँ। आपकी पिछली विज़िट को काफ़ी समय हो गया है — क्या आप चेक-अप बुक करना चाहेंगे?`],
  ];
  const endings: Record<Exclude<CallOutcome, "voicemail">, ScriptEnding> = {
    appointment_booked: {
      lines: [
        ["user", `हाँ, ${day} को कुछ खाली है?`],
        ["agent", `जी, ${day} को ${time} खाली है। क्या मैं बुक कर दूँ?`],
        ["user", `हाँ, ${time} ठीक है।`],
        ["agent", `हो गया! ${caller} में आपकी अपॉइंटमेंट ${day} को ${time} बुक हो गई है। एक दिन पहले रिमाइंडर आएगा।`],
      ],
      summary: `${name} booked a check-up at ${caller} for ${day} ${time} (the call was in Hindi).`,
      title: "Appointment booked",
      rationale: `The patient accepted the ${day} ${time} slot.`,
    },
    callback_scheduled: {
      lines: [
        ["user", `अभी बात नहीं हो पाएगी। क्या आप ${callbackWhen} वापस कॉल कर सकती हैं?`],
        ["agent", `ज़रूर। मैं ${callbackWhen} कॉल बैक तय कर देती हूँ।`],
        ["user", "धन्यवाद, यह मेरे लिए बेहतर है।"],
      ],
      summary: `${name} was busy and asked ${caller} to call back ${callbackWhen} (the call was in Hindi).`,
      title: "Callback requested",
      rationale: `The patient asked for a call back ${callbackWhen}.`,
    },
    escalated: {
      lines: [
        ["user", "दरअसल, नई गोलियाँ शुरू करने के बाद से मेरे सीने में दर्द हो रहा है। क्या मैं किसी नर्स से बात कर सकता हूँ?"],
        [
          "agent",
          `यह सुनकर दुख हुआ, ${firstName} जी। मैं डॉक्टरी सलाह नहीं दे सकती, इसलिए अभी ${caller} की नर्स को बता रही हूँ — कोई आपको जल्द कॉल करेगा। दर्द बढ़े तो तुरंत इमरजेंसी सेवाओं को कॉल करें।`,
        ],
        ["user", "ठीक है, धन्यवाद।"],
      ],
      summary: `${name} reported chest pains since starting new tablets and asked to speak to a nurse; Ava passed it to the clinic team (the call was in Hindi).`,
      title: "Escalated to a nurse",
      rationale: "The patient reported a symptom that needs a clinician.",
    },
    not_interested: {
      lines: [
        ["user", "नहीं, धन्यवाद, अभी ज़रूरत नहीं है।"],
        ["agent", "कोई बात नहीं। आपके समय के लिए धन्यवाद, आपका दिन शुभ हो।"],
      ],
      summary: `${name} declined to book a visit with ${caller} (the call was in Hindi).`,
      title: "Not interested",
      rationale: "The patient declined an appointment.",
    },
  };
  // When the agent really called Callboard's tools, the conversation says what they answered (in Hindi: the app answers a hi-IN caller in Hindi).
  if (tool?.kind === "booked" && outcome === "appointment_booked") {
    endings.appointment_booked = {
      lines: [
        ["user", "हाँ, अच्छा समय है। आगे क्या खाली है?"],
        ["agent", `देखती हूँ। ${tool.when} खाली है। क्या मैं बुक कर दूँ?`],
        ["user", "हाँ, ठीक है।"],
        ["agent", tool.message],
      ],
      summary: `${name} booked an appointment at ${caller} for ${tool.when} (the call was in Hindi).`,
      title: "Appointment booked",
      rationale: `The patient accepted ${tool.when} and the agent booked it.`,
    };
  } else if (tool?.kind === "booking_failed" && outcome === "appointment_booked") {
    endings.appointment_booked = {
      lines: [
        ...endings.appointment_booked.lines.slice(0, 3),
        ["agent", tool.message],
        ["user", "इनमें से कोई समय ठीक नहीं। क्या क्लिनिक से कोई मुझे वापस कॉल कर सकता है?"],
      ],
      summary: `${name} wanted an appointment at ${caller}, but the time could not be booked (${tool.message}); they asked the clinic to call back.`,
      title: "Booking not completed",
      rationale: "The agent could not book the slot the patient chose; the patient asked for a call back.",
      outcome: "callback",
    };
  } else if (tool?.kind === "callback" && outcome === "callback_scheduled") {
    endings.callback_scheduled = {
      lines: [
        ["user", `अभी बात नहीं हो पाएगी। क्या आप ${tool.asked} वापस कॉल कर सकती हैं?`],
        ["agent", tool.message],
        ["user", "धन्यवाद, यह मेरे लिए बेहतर है।"],
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
