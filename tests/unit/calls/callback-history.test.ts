import { describe, expect, it } from "vitest";
import { historyVariables, lastTurnsText, LAST_TURNS_MAX_CHARS } from "@/lib/calls/callback-history";
import type { TranscriptTurn } from "@/lib/elevenlabs/conversation-schemas";

const turn = (role: "agent" | "user", message: string): TranscriptTurn => ({ role, message, timeInCallSecs: 0 });

describe("the earlier conversation handed to a callback's agent", () => {
  it("labels turns Patient and Agent, oldest first, spaces folded", () => {
    expect(lastTurnsText([turn("agent", "Hello,\n  this is the clinic."), turn("user", "Hi there")])).toBe(
      "Agent: Hello, this is the clinic.\nPatient: Hi there",
    );
  });

  it("keeps the newest whole turns that fit the bound, dropping the oldest", () => {
    const turns = Array.from({ length: 30 }, (_, i) => turn(i % 2 ? "user" : "agent", `message number ${i} ${"x".repeat(80)}`));
    const text = lastTurnsText(turns);
    expect(text.length).toBeLessThanOrEqual(LAST_TURNS_MAX_CHARS);
    const lines = text.split("\n");
    expect(lines.at(-1)).toMatch(/^Patient: message number 29 /);
    expect(lines[0]).toMatch(/^(Agent|Patient): message number \d+ x+$/);
    expect(text).not.toContain("message number 0 ");
    // One more turn would not have fit.
    expect(text.length + 1 + `Agent: message number ${29 - lines.length} ${"x".repeat(80)}`.length).toBeGreaterThan(LAST_TURNS_MAX_CHARS);
  });

  it("a single turn longer than the bound keeps its end, marked as cut", () => {
    const text = lastTurnsText([turn("user", `${"a".repeat(3000)} the end`)], 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text.startsWith("Patient: …")).toBe(true);
    expect(text.endsWith("the end")).toBe(true);
  });

  it("reads a flat transcript text as the patient's words, and names the previous conversation", () => {
    expect(historyVariables({ conversationId: "conv_1", summary: " Wants a refill. ", transcript: "I need my prescription" })).toEqual({
      previous_conversation_id: "conv_1",
      previous_call_summary: "Wants a refill.",
      previous_call_last_turns: "Patient: I need my prescription",
    });
    expect(historyVariables({ conversationId: null, summary: null, transcript: null })).toEqual({
      previous_conversation_id: "",
      previous_call_summary: "",
      previous_call_last_turns: "",
    });
  });
});
