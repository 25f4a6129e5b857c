/** What a call came to, in Callboard's words; anything else an agent sends is kept as it came. */
export const OUTCOMES = ["resolved", "escalated", "callback", "no_answer", "voicemail", "busy", "failed"] as const;
export type KnownOutcome = (typeof OUTCOMES)[number];

/**
 * The words clinics' agents send (data-collection `call_outcome`, or the flat payload's
 * `analysis.call_outcome`) and what each means. A booking is a resolved call about scheduling.
 */
const WORDS: Record<string, { outcome: KnownOutcome; intent?: string }> = {
  appointment_booked: { outcome: "resolved", intent: "scheduling" },
  resolved: { outcome: "resolved" },
  escalated: { outcome: "escalated" },
  callback_scheduled: { outcome: "callback" },
  callback: { outcome: "callback" },
  no_answer: { outcome: "no_answer" },
  voicemail: { outcome: "voicemail" },
  voice_mail: { outcome: "voicemail" },
  answering_machine: { outcome: "voicemail" },
  busy: { outcome: "busy" },
  failed: { outcome: "failed" },
};

/** "Appointment-Booked " → "appointment_booked": agents differ in case and separators, not in meaning. */
export function normalizeWord(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** The meaning of an outcome word; an unknown word stays itself (normalized), never dropped. */
export function readOutcomeWord(word: string): { outcome: string; intent: string | null } {
  const normalized = normalizeWord(word);
  const known = WORDS[normalized];
  return known ? { outcome: known.outcome, intent: known.intent ?? null } : { outcome: normalized, intent: null };
}
