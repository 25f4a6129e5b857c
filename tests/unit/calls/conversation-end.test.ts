import { describe, expect, it } from "vitest";
import { conversationEnd, failureWord, isConversationOver } from "@/lib/calls/lifecycle/conversation-end";
import { conversationDataSchema, normalizeConversation } from "@/lib/elevenlabs/conversation-schemas";

/** A conversation as `GET /v1/convai/conversations/{id}` (and the transcription webhook's `data`) describes it. */
function conversation(status: string, transcript: Array<{ role: string; message: string }>, terminationReason = "") {
  return normalizeConversation(
    conversationDataSchema.parse({
      agent_id: "agent_1",
      conversation_id: "conv_1",
      status,
      transcript: transcript.map((turn, i) => ({ ...turn, time_in_call_secs: i * 3 })),
      metadata: { start_time_unix_secs: 1_700_000_000, call_duration_secs: transcript.length * 3, termination_reason: terminationReason },
    }),
  );
}

const spoken = [
  { role: "agent", message: "Hi Jane, this is the clinic calling about an opening tomorrow." },
  { role: "user", message: "Can you call me back later?" },
];

describe("how a finished conversation ends its call (the webhook's rule and the sweeper's)", () => {
  it.each([
    ["done, with words", "done", spoken, "", "connected"],
    ["done, nobody spoke", "done", [], "", "connected"],
    ["failed after the patient spoke", "failed", spoken, "Internal error", "connected"],
    ["failed after only the agent spoke", "failed", spoken.slice(0, 1), "", "connected"],
    ["failed, nobody spoke (busy)", "failed", [], "Call failed: busy", "not_connected:busy"],
    ["failed, nobody spoke (no answer)", "failed", [], "Call failed: no-answer", "not_connected:no-answer"],
    ["failed, nobody spoke (no reason)", "failed", [], "", "not_connected:unknown"],
  ])("%s → %s", (_case, status, transcript, reason, expected) => {
    const end = conversationEnd(conversation(status, transcript, reason));
    expect(end.kind === "connected" ? "connected" : `not_connected:${end.reason}`).toBe(expected);
  });

  it("keeps what a connected conversation said, with its meaning", () => {
    const end = conversationEnd(conversation("failed", spoken, "Internal error"));
    expect(end).toMatchObject({
      kind: "connected",
      result: { conversationId: "conv_1", terminationReason: "Internal error", meaning: { outcome: "callback" } },
    });
  });

  it.each([
    ["Call failed: busy", "busy"],
    ["The line was BUSY", "busy"],
    ["no answer", "no-answer"],
    ["no_answer", "no-answer"],
    ["Twilio error 31005", "unknown"],
    [null, "unknown"],
  ])("termination reason %j → failure word %s", (reason, word) => {
    expect(failureWord(reason)).toBe(word);
  });

  it.each([
    ["done", true],
    ["failed", true],
    ["initiated", false],
    ["in-progress", false],
    ["processing", false],
    ["some-future-status", false],
  ])("status %s is over: %s", (status, over) => {
    expect(isConversationOver(status)).toBe(over);
  });
});
