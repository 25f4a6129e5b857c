import { foldForSearch } from "@/lib/text/fold-for-search";
import type { TranscriptTurn } from "@/lib/elevenlabs/conversation-schemas";
import { normalizeWord, readOutcomeWord } from "@/lib/calls/meaning/outcome-words";
import { intentFromTranscript, outcomeFromTranscript, sentimentFromTranscript } from "@/lib/calls/meaning/transcript-rules";
import { callerNameFromTranscript } from "@/lib/calls/meaning/caller-name";

export interface CallMeaningInput {
  /** Spoken turns, or the whole text as one string (some flat payloads send it so). */
  transcript: TranscriptTurn[] | string;
  /** ElevenLabs' `analysis` (or the flat payload's), as sent. */
  analysis: Record<string, unknown> | null;
  terminationReason: string | null;
  summary: string | null;
  summaryTitle?: string | null;
}

export interface CallMeaning {
  outcome: string | null;
  /** The word the agent sent, when the outcome came from it (not from transcript rules). */
  reportedOutcome: string | null;
  intent: string | null;
  sentiment: string | null;
  callerName: string | null;
  /**
   * Summary, title, caller's name and outcome as one text, for the history's search. Never the spoken
   * turns: they are stored encrypted, and a plain copy here would undo that (docs/transcript-protection.md).
   */
  searchText: string | null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** A data-collection result's value (`analysis.data_collection_results.<id>.value`), when it is text. */
function collected(analysis: Record<string, unknown> | null, ...ids: string[]): string | null {
  const results = analysis?.data_collection_results;
  if (typeof results !== "object" || results === null) return null;
  for (const id of ids) {
    const value = text((results as Record<string, { value?: unknown } | undefined>)[id]?.value);
    if (value) return value;
  }
  return null;
}

const asTurns = (transcript: TranscriptTurn[] | string): TranscriptTurn[] =>
  typeof transcript === "string" ? (transcript.trim() ? [{ role: "user", message: transcript, timeInCallSecs: 0 }] : []) : transcript;

/**
 * What a finished call means — outcome, intent, sentiment, the caller's name — read from the agent's
 * analysis first (the data-collection fields, then the flat payload's `analysis.call_outcome`), with
 * transcript rules only where the analysis is silent.
 */
export function describeCall(input: CallMeaningInput): CallMeaning {
  const turns = asTurns(input.transcript);
  const reportedOutcome = collected(input.analysis, "call_outcome") ?? text(input.analysis?.call_outcome);
  const fromWord = reportedOutcome ? readOutcomeWord(reportedOutcome) : null;
  const fromRules = fromWord ? null : outcomeFromTranscript(turns, input.terminationReason);
  const reportedIntent = collected(input.analysis, "intent", "call_intent") ?? text(input.analysis?.intent);
  const reportedSentiment = collected(input.analysis, "sentiment", "caller_sentiment", "patient_sentiment") ?? text(input.analysis?.sentiment);
  const outcome = fromWord?.outcome ?? fromRules?.outcome ?? null;
  const callerName = collected(input.analysis, "caller_name", "patient_name") ?? callerNameFromTranscript(turns);
  return {
    outcome,
    reportedOutcome,
    intent: (reportedIntent && normalizeWord(reportedIntent)) ?? fromWord?.intent ?? fromRules?.intent ?? intentFromTranscript(turns),
    sentiment: (reportedSentiment && normalizeWord(reportedSentiment)) ?? sentimentFromTranscript(turns),
    callerName,
    searchText: callSearchText({ summary: input.summary, summaryTitle: input.summaryTitle ?? null, callerName, outcome }),
  };
}

/**
 * The searchable text of a call. The migration that introduced it builds the same text in SQL
 * (prisma/migrations/*_transcript_protection): change both together.
 */
export function callSearchText(call: {
  summary: string | null;
  summaryTitle: string | null;
  callerName: string | null;
  outcome: string | null;
}): string | null {
  // Without accents (foldForSearch), as the query is read: "maria" finds "MARÍA". Only searched, never shown.
  return foldForSearch([call.summary, call.summaryTitle, call.callerName, call.outcome?.replaceAll("_", " ")].filter(Boolean).join("\n")) || null;
}
