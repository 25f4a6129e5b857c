import type { TranscriptTurn } from "@/lib/elevenlabs/conversation-schemas";

/**
 * Fallback rules for calls whose analysis does not say what happened (older agents, flat payloads,
 * a data-collection field the clinic never set up). Plain keyword rules, each unit-tested: they are
 * there to sort the history sensibly, not to outguess the agent's own analysis, which always wins.
 */

const said = (turns: TranscriptTurn[], role: TranscriptTurn["role"]) =>
  turns
    .filter((turn) => turn.role === role)
    .map((turn) => turn.message)
    .join(" \n ")
    .toLowerCase();

const VOICEMAIL = /\b(voicemail|voice mail|leave (me )?a message|after the (tone|beep)|not available to take your call)\b/;
const ESCALATION =
  /\b(speak|talk) (to|with) (a |an |the )?(real )?(person|human|someone|somebody|doctor|nurse|manager|receptionist)\b|\b(transfer(ring)? you|put you through|escalat)/;
const CALLBACK = /\b(call (me )?back|ring (me )?back|callback|call again (later|tomorrow))\b/;
const BOOKED = /\b(you'?re (all )?booked|booked (you|that|it) in|i'?ve booked|booking is confirmed|see you (on|at) )/;

/** resolved / escalated / callback / voicemail / no_answer, or null when the words say nothing clear. */
export function outcomeFromTranscript(turns: TranscriptTurn[], terminationReason: string | null): { outcome: string; intent: string | null } | null {
  const agent = said(turns, "agent");
  const user = said(turns, "user");
  if (terminationReason && /voicemail|answering machine/i.test(terminationReason)) return { outcome: "voicemail", intent: null };
  if (turns.length === 0) return { outcome: "no_answer", intent: null };
  if (!user && VOICEMAIL.test(agent)) return { outcome: "voicemail", intent: null };
  if (!user) return { outcome: "no_answer", intent: null };
  if (ESCALATION.test(user) || ESCALATION.test(agent)) return { outcome: "escalated", intent: null };
  if (BOOKED.test(agent)) return { outcome: "resolved", intent: "scheduling" };
  if (CALLBACK.test(user)) return { outcome: "callback", intent: null };
  return null;
}

const INTENTS: Array<[intent: string, pattern: RegExp]> = [
  ["cancellation", /\b(cancel|cancellation)\b/],
  ["scheduling", /\b(book|booking|appointment|reschedul\w*|check-?up|slot)\b/],
  ["billing", /\b(bill|billing|invoice|payment|pay|refund|charge)\b/],
  ["prescription", /\b(prescription|repeat script|refill|medication)\b/],
  ["results", /\b(test results?|results|blood test|scan)\b/],
];

/** What the call was about, from the patient's words first (then the agent's), or null. */
export function intentFromTranscript(turns: TranscriptTurn[]): string | null {
  for (const text of [said(turns, "user"), said(turns, "agent")]) {
    for (const [intent, pattern] of INTENTS) if (pattern.test(text)) return intent;
  }
  return null;
}

const NEGATIVE =
  /\b(not interested|stop calling|don'?t call|annoy\w*|angry|upset|frustrat\w*|ridiculous|terrible|awful|complain\w*|rude|unhappy|waste of time)\b/g;
const POSITIVE = /\b(thanks?|thank you|great|perfect|lovely|wonderful|awesome|appreciate|excellent|brilliant|good timing|works for me|sounds good)\b/g;

/** positive / negative / neutral from the patient's own words; null when the patient said nothing. */
export function sentimentFromTranscript(turns: TranscriptTurn[]): "positive" | "negative" | "neutral" | null {
  const user = said(turns, "user");
  if (!user.trim()) return null;
  const negative = user.match(NEGATIVE)?.length ?? 0;
  const positive = user.match(POSITIVE)?.length ?? 0;
  if (negative > 0 && negative >= positive) return "negative";
  if (positive > 0) return "positive";
  return "neutral";
}
