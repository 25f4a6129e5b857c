import type { TranscriptTurn } from "@/lib/elevenlabs/conversation-schemas";

// One to three capitalised words ("Jane", "Jane Doe", "Mary-Anne O'Brien"), read from the original case.
const WORD = String.raw`[A-Z][a-z]*(?:['’-][A-Z]?[a-z]+)*`;
const NAME = String.raw`(${WORD}(?: ${WORD}){0,2})`;
const SELF_INTRODUCTIONS = [
  new RegExp(String.raw`\bmy name(?:'s| is) ${NAME}`),
  new RegExp(String.raw`\b(?:this is|it's|it is) ${NAME}(?: speaking| here)?\b`),
  new RegExp(String.raw`\bI'm ${NAME}(?= speaking| here|[,.!?]|$)`),
  new RegExp(String.raw`^${NAME} (?:speaking|here)\b`),
];
// "Is this Jane Doe?" answered "Yes" / "Speaking": the patient confirmed the name the agent asked for.
const AGENT_ASKS = new RegExp(String.raw`\b(?:is this|am I speaking (?:to|with)|speaking (?:to|with)) ${NAME}\?`);
const CONFIRMS = /^\s*(yes|yeah|yep|speaking|that's me|it is|correct)\b/i;
const NOT_NAMES = new Set(["Yes", "Yeah", "Hi", "Hello", "Sorry", "Okay", "Ok", "Not", "The", "Just", "Calling", "Ava"]);

function clean(name: string | undefined): string | null {
  if (!name) return null;
  const words = name.split(" ");
  while (words.length && NOT_NAMES.has(words[0]!)) words.shift();
  return words.length ? words.join(" ") : null;
}

/**
 * The caller's name when the transcript gives one: the patient introducing themselves, else the
 * patient confirming the name the agent asked for. Null when nobody said a name.
 */
export function callerNameFromTranscript(turns: TranscriptTurn[]): string | null {
  for (const turn of turns) {
    if (turn.role !== "user") continue;
    for (const pattern of SELF_INTRODUCTIONS) {
      const name = clean(pattern.exec(turn.message)?.[1]);
      if (name) return name;
    }
  }
  for (let i = 0; i < turns.length - 1; i++) {
    const turn = turns[i]!;
    const reply = turns[i + 1]!;
    if (turn.role !== "agent" || reply.role !== "user" || !CONFIRMS.test(reply.message)) continue;
    const name = clean(AGENT_ASKS.exec(turn.message)?.[1]);
    if (name) return name;
  }
  return null;
}
