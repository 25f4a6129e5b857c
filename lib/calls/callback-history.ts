import { getDb } from "@/lib/db";
import type { TranscriptTurn } from "@/lib/elevenlabs/conversation-schemas";
import { readTranscript } from "@/lib/calls/history/get-call";
import { openCallColumn } from "@/lib/calls/history/sealed-call-fields";

/** The last turns of the earlier conversation the agent is given: enough to pick up, small enough for a prompt. */
export const LAST_TURNS_MAX_CHARS = 1_500;

/**
 * "Patient: …\nAgent: …" — the end of a conversation, newest turns kept whole while they fit in
 * `maxChars`; a single turn longer than that keeps its end (where the conversation stopped).
 */
export function lastTurnsText(turns: readonly TranscriptTurn[], maxChars = LAST_TURNS_MAX_CHARS): string {
  const lines: string[] = [];
  let used = 0;
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i]!;
    const label = turn.role === "agent" ? "Agent" : "Patient";
    const text = turn.message.replace(/\s+/g, " ").trim();
    const line = `${label}: ${text}`;
    const cost = line.length + (lines.length ? 1 : 0);
    if (used + cost > maxChars) {
      if (lines.length === 0) lines.unshift(`${label}: …${text.slice(-(maxChars - label.length - 3))}`);
      break;
    }
    lines.unshift(line);
    used += cost;
  }
  return lines.join("\n");
}

export interface EarlierConversation {
  conversationId: string | null;
  summary: string | null;
  transcript: unknown;
}

/** The dynamic variables that let a callback's agent pick up where the earlier conversation left off. */
export function historyVariables(earlier: EarlierConversation): Record<string, string> {
  return {
    previous_conversation_id: earlier.conversationId ?? "",
    previous_call_summary: earlier.summary?.trim() ?? "",
    previous_call_last_turns: lastTurnsText(readTranscript(earlier.transcript)),
  };
}

/**
 * The earlier conversation of a callback, read when it is dialed (not when it is scheduled: the agent
 * schedules a callback mid-call, before that call's transcript exists). By our call id, else by the
 * conversation id the agent passed; always inside the clinic. Null: nothing to carry.
 */
export async function loadCallbackHistory(
  organizationId: string,
  ref: { sourceCallId?: string | null; conversationId?: string | null },
): Promise<Record<string, string> | null> {
  if (!ref.sourceCallId && !ref.conversationId) return null;
  const earlier = await getDb().call.findFirst({
    where: { organizationId, ...(ref.sourceCallId ? { id: ref.sourceCallId } : { conversationId: ref.conversationId! }) },
    select: { conversationId: true, summary: true, transcript: true },
  });
  if (!earlier) return null;
  // The transcript is stored sealed: opened here only to hand the same patient's agent the last turns
  // (docs/transcript-protection.md). A key that cannot open it costs the turns, not the callback.
  let transcript: unknown = null;
  try {
    transcript = openCallColumn("transcript", earlier.transcript);
  } catch (error) {
    console.error(`Callback context without the earlier turns: ${error instanceof Error ? error.message : String(error)}`);
  }
  return historyVariables({ ...earlier, transcript });
}
