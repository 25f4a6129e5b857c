import type { TranscriptTurn } from "@/lib/elevenlabs/conversation-schemas";

/**
 * What patients say when they take back consent. Matched in the patient's own turns only: the agent
 * saying "you can say stop calling me at any time" is not an opt-out.
 */
const PHRASES: readonly RegExp[] = [
  /\bstop (calling|ringing|phoning|contacting) (me|us|this number)\b/,
  /\b(do not|don'?t|never) (call|ring|phone|contact) (me|us|this number)( again| anymore| any more)?\b/,
  /\b(do not|don'?t|never) call (me |us )?again\b/,
  /\bremove (me|my number|this number) from (your|the) (list|calling list|call list|database)\b/,
  /\btake (me|my number) off (your|the) (list|calling list|call list)\b/,
  /\bput (me|my number) on (your|the) do[- ]not[- ]call list\b/,
  /\b(i|we) (do not|don'?t) want (any more|anymore|more) (calls|phone calls)\b/,
  /\bno more (calls|phone calls)\b/,
  /\bunsubscribe\b/,
];

const YES = new Set(["true", "yes", "y", "1"]);

export type OptOutEvidence = { kind: "data_collection" } | { kind: "phrase"; said: string };

/** The data-collection field an agent can be configured with (ElevenLabs → Analysis → Data collection). */
export const OPTED_OUT_FIELD = "opted_out";

function collectedOptOut(analysis: Record<string, unknown> | null): boolean {
  const results = analysis?.data_collection_results;
  if (typeof results !== "object" || results === null) return false;
  const value = (results as Record<string, { value?: unknown } | undefined>)[OPTED_OUT_FIELD]?.value;
  return value === true || (typeof value === "string" && YES.has(value.trim().toLowerCase()));
}

/**
 * Whether a finished call holds an opt-out: the analysis' `opted_out` data-collection result is true,
 * or the patient (a "user" turn) said one of the phrases. A transcript that is one text (an older
 * integration's payload) says nothing about who spoke, so only the data-collection field counts there.
 */
export function detectOptOut(input: { transcript: TranscriptTurn[] | string | null; analysis: Record<string, unknown> | null }): OptOutEvidence | null {
  if (collectedOptOut(input.analysis)) return { kind: "data_collection" };
  if (!Array.isArray(input.transcript)) return null;
  for (const turn of input.transcript) {
    if (turn.role !== "user") continue;
    const words = turn.message.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ");
    if (PHRASES.some((phrase) => phrase.test(words))) return { kind: "phrase", said: turn.message.slice(0, 300) };
  }
  return null;
}
