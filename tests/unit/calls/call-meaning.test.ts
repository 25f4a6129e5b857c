import { describe, expect, it } from "vitest";
import { describeCall } from "@/lib/calls/meaning/describe-call";
import { readOutcomeWord } from "@/lib/calls/meaning/outcome-words";
import { intentFromTranscript, outcomeFromTranscript, sentimentFromTranscript } from "@/lib/calls/meaning/transcript-rules";
import { callerNameFromTranscript } from "@/lib/calls/meaning/caller-name";
import type { TranscriptTurn } from "@/lib/elevenlabs/conversation-schemas";

const agent = (message: string): TranscriptTurn => ({ role: "agent", message, timeInCallSecs: 0 });
const user = (message: string): TranscriptTurn => ({ role: "user", message, timeInCallSecs: 1 });
const collected = (values: Record<string, string>) => ({
  data_collection_results: Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { data_collection_id: id, value }])),
});

describe("outcome words", () => {
  it.each([
    ["appointment_booked", "resolved", "scheduling"],
    ["escalated", "escalated", null],
    ["callback_scheduled", "callback", null],
    ["no_answer", "no_answer", null],
    ["no-answer", "no_answer", null],
    ["voicemail", "voicemail", null],
    ["answering_machine", "voicemail", null],
    ["busy", "busy", null],
    ["failed", "failed", null],
    ["Appointment Booked", "resolved", "scheduling"],
    // Unknown words are kept as they came (normalized), never dropped.
    ["not_interested", "not_interested", null],
    ["wrong_number", "wrong_number", null],
  ])("%s → %s (intent %s)", (word, outcome, intent) => {
    expect(readOutcomeWord(word)).toEqual({ outcome, intent });
  });
});

describe("describeCall: analysis first, rules as fallback", () => {
  const booked = [agent("Hi, is this Jane Doe?"), user("Yes, speaking."), agent("You're booked for Tuesday at 2 pm."), user("Perfect, thanks!")];

  it("takes the data-collection call_outcome first", () => {
    const meaning = describeCall({
      transcript: [user("Call me back later")],
      analysis: { ...collected({ call_outcome: "escalated" }), call_outcome: "voicemail" },
      terminationReason: null,
      summary: null,
    });
    expect(meaning).toMatchObject({ outcome: "escalated", reportedOutcome: "escalated" });
  });

  it("then the flat payload's analysis.call_outcome", () => {
    expect(describeCall({ transcript: "", analysis: { call_outcome: "callback_scheduled" }, terminationReason: null, summary: null })).toMatchObject({
      outcome: "callback",
      reportedOutcome: "callback_scheduled",
    });
  });

  it("then transcript rules, with no reported word", () => {
    expect(describeCall({ transcript: booked, analysis: null, terminationReason: null, summary: "Booked." })).toEqual({
      outcome: "resolved",
      reportedOutcome: null,
      intent: "scheduling",
      sentiment: "positive",
      callerName: "Jane Doe",
      searchText: "Booked.\nJane Doe\nresolved",
    });
  });

  it("searches summary, title, caller's name and outcome, never the spoken turns (they are stored encrypted)", () => {
    const meaning = describeCall({
      transcript: booked,
      analysis: collected({ call_outcome: "appointment_booked" }),
      terminationReason: null,
      summary: "Booked a check-up.",
      summaryTitle: "Check-up booked",
    });
    expect(meaning.searchText).toBe("Booked a check-up.\nCheck-up booked\nJane Doe\nresolved");
    expect(meaning.searchText).not.toContain("Tuesday at 2 pm");
  });

  it("reads intent, sentiment and the caller's name from the analysis when collected", () => {
    const meaning = describeCall({
      transcript: booked,
      analysis: collected({ call_outcome: "appointment_booked", intent: "New Patient", sentiment: "Negative", caller_name: "J. Doe" }),
      terminationReason: null,
      summary: null,
    });
    expect(meaning).toMatchObject({ outcome: "resolved", intent: "new_patient", sentiment: "negative", callerName: "J. Doe" });
  });

  it("leaves the outcome empty when nothing says what happened", () => {
    expect(describeCall({ transcript: [agent("Hello?"), user("Hi, who is this?")], analysis: {}, terminationReason: null, summary: null }).outcome).toBeNull();
  });
});

describe("outcome rules", () => {
  it.each<[string, TranscriptTurn[], string | null, string | null]>([
    ["no turns: nobody answered", [], null, "no_answer"],
    [
      "the agent alone, leaving a message",
      [agent("Please leave a message after the tone."), agent("Hi, this is the clinic, call us back.")],
      null,
      "voicemail",
    ],
    ["ElevenLabs says voicemail", [agent("Hi Jane"), user("Hi")], "Voicemail detected", "voicemail"],
    ["the agent alone, no message", [agent("Hello? Hello?")], null, "no_answer"],
    ["the patient asks for a person", [agent("How can I help?"), user("I want to speak to a real person please")], null, "escalated"],
    ["the agent transfers", [agent("Let me transfer you to reception."), user("Okay")], null, "escalated"],
    ["the agent confirms a booking", [agent("Would 2pm suit?"), user("Yes"), agent("Great, you're booked for 2pm.")], null, "resolved"],
    ["the patient asks for a call back", [agent("Is now a good time?"), user("Not really, can you call me back tomorrow?")], null, "callback"],
    ["small talk says nothing", [agent("How are you?"), user("Fine")], null, null],
  ])("%s", (_name, turns, reason, expected) => {
    expect(outcomeFromTranscript(turns, reason)?.outcome ?? null).toBe(expected);
  });
});

describe("intent rules", () => {
  it.each<[TranscriptTurn[], string | null]>([
    [[user("I need to cancel my appointment")], "cancellation"],
    [[user("Can I book a check-up?")], "scheduling"],
    [[user("I have a question about my invoice")], "billing"],
    [[user("I need a repeat script for my medication")], "prescription"],
    [[user("Are my blood test results back?")], "results"],
    [[agent("Would you like to book a visit?"), user("Sure")], "scheduling"],
    [[user("Hello")], null],
  ])("%j → %s", (turns, intent) => {
    expect(intentFromTranscript(turns)).toBe(intent);
  });
});

describe("sentiment rules", () => {
  it.each<[TranscriptTurn[], string | null]>([
    [[user("Perfect, thank you so much")], "positive"],
    [[user("I'm not interested, stop calling me")], "negative"],
    [[user("Thanks, but this is ridiculous and I'm frustrated")], "negative"],
    [[user("Okay. Tuesday.")], "neutral"],
    // The agent's politeness is not the patient's mood.
    [[agent("Thank you, lovely to chat!")], null],
  ])("%j → %s", (turns, sentiment) => {
    expect(sentimentFromTranscript(turns)).toBe(sentiment);
  });
});

describe("caller name from the transcript", () => {
  it.each<[string, TranscriptTurn[], string | null]>([
    ["my name is …", [agent("Who am I speaking with?"), user("Hi, my name is Priya Patel.")], "Priya Patel"],
    ["this is … speaking", [user("Hello, this is Tom speaking")], "Tom"],
    ["it's …", [user("Oh hi, it's Mary-Anne O'Brien here")], "Mary-Anne O'Brien"],
    ["I'm …", [user("I'm Sam, thanks")], "Sam"],
    ["… speaking", [user("Jordan speaking")], "Jordan"],
    ["confirms the name the agent asked for", [agent("Good morning, is this Jane Doe?"), user("Yes, speaking.")], "Jane Doe"],
    ["denies it", [agent("Is this Jane Doe?"), user("No, wrong number.")], null],
    ["the agent's own introduction is not the caller's", [agent("Hi, this is Ava from the clinic."), user("Okay")], null],
    ["no name at all", [user("yes that works")], null],
  ])("%s", (_name, turns, expected) => {
    expect(callerNameFromTranscript(turns)).toBe(expected);
  });
});
