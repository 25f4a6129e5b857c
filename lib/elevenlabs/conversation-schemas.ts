import { z } from "zod";

/**
 * The conversation as ElevenLabs describes it — in `GET /v1/convai/conversations/{id}` and in the
 * `data` of a `post_call_transcription` webhook (the same model). Only the fields Callboard reads
 * are checked; everything else passes through, because ElevenLabs adds fields often.
 */

export const CONVERSATION_STATUSES = ["initiated", "in-progress", "processing", "done", "failed"] as const;
/** Known statuses; a status ElevenLabs adds later is kept as-is rather than rejected. */
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number] | (string & {});

const transcriptTurnSchema = z.looseObject({
  role: z.string(),
  message: z.string().nullish(),
  time_in_call_secs: z.number(),
});

const dataCollectionResultSchema = z.looseObject({
  data_collection_id: z.string().optional(),
  value: z.unknown().optional(),
  rationale: z.string().nullish(),
});

export const conversationAnalysisSchema = z.looseObject({
  call_successful: z.string().nullish(),
  transcript_summary: z.string().nullish(),
  call_summary_title: z.string().nullish(),
  data_collection_results: z.record(z.string(), dataCollectionResultSchema).nullish(),
  evaluation_criteria_results: z.record(z.string(), z.unknown()).nullish(),
});

export const conversationDataSchema = z.looseObject({
  agent_id: z.string(),
  conversation_id: z.string(),
  status: z.string(),
  user_id: z.string().nullish(),
  transcript: z.array(transcriptTurnSchema).default([]),
  metadata: z
    .looseObject({
      start_time_unix_secs: z.number().nullish(),
      call_duration_secs: z.number().nullish(),
      termination_reason: z.string().nullish(),
      phone_call: z
        .looseObject({
          type: z.string().optional(),
          call_sid: z.string().nullish(),
          external_number: z.string().nullish(),
          agent_number: z.string().nullish(),
          direction: z.string().nullish(),
          phone_number_id: z.string().nullish(),
        })
        .nullish(),
    })
    .default({}),
  analysis: conversationAnalysisSchema.nullish(),
  conversation_initiation_client_data: z
    .looseObject({
      user_id: z.string().nullish(),
      dynamic_variables: z.record(z.string(), z.unknown()).nullish(),
    })
    .nullish(),
});
export type ConversationData = z.infer<typeof conversationDataSchema>;

export type TranscriptTurn = { role: "agent" | "user"; message: string; timeInCallSecs: number };

export type Conversation = {
  conversationId: string;
  agentId: string;
  status: ConversationStatus;
  /** Our attempt id, echoed from `conversation_initiation_client_data.user_id`. */
  userId: string | null;
  startedAt: Date | null;
  durationSeconds: number | null;
  terminationReason: string | null;
  callSid: string | null;
  /** The other party's number on a phone call (the patient, in either direction). */
  toNumber: string | null;
  /** Phone calls only: which way the call went, and the clinic's side of it. */
  direction: "inbound" | "outbound" | null;
  agentNumber: string | null;
  phoneNumberId: string | null;
  /** Spoken turns only; tool-call turns without text are left out. */
  transcript: TranscriptTurn[];
  summary: string | null;
  summaryTitle: string | null;
  /** `analysis.data_collection_results.call_outcome.value`, e.g. "appointment_booked". */
  outcome: string | null;
  /** ElevenLabs' own success evaluation: "success" | "failure" | "unknown". */
  callSuccessful: string | null;
  dynamicVariables: Record<string, unknown>;
  /** The analysis as sent, for storage. */
  analysis: Record<string, unknown> | null;
};

const MAX_STORED_SECONDS = 2_147_483_647; // the duration column is a 4-byte integer

/**
 * A duration as whole seconds, or null when it cannot be one. A fractional or absurd number would
 * fail the write and lose the event, which is sent only once.
 */
export function wholeSeconds(value: number | null | undefined): number | null {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_STORED_SECONDS) return null;
  return Math.round(value);
}

export function normalizeConversation(data: ConversationData): Conversation {
  const clientData = data.conversation_initiation_client_data;
  const outcome = data.analysis?.data_collection_results?.call_outcome?.value;
  const startSecs = data.metadata.start_time_unix_secs;
  return {
    conversationId: data.conversation_id,
    agentId: data.agent_id,
    status: data.status,
    userId: clientData?.user_id ?? data.user_id ?? null,
    startedAt: typeof startSecs === "number" ? new Date(startSecs * 1000) : null,
    durationSeconds: wholeSeconds(data.metadata.call_duration_secs),
    terminationReason: data.metadata.termination_reason || null,
    callSid: data.metadata.phone_call?.call_sid ?? null,
    toNumber: data.metadata.phone_call?.external_number ?? null,
    direction: directionOf(data.metadata.phone_call?.direction),
    agentNumber: data.metadata.phone_call?.agent_number ?? null,
    phoneNumberId: data.metadata.phone_call?.phone_number_id ?? null,
    transcript: normalizeTranscript(data.transcript),
    summary: data.analysis?.transcript_summary ?? null,
    summaryTitle: data.analysis?.call_summary_title ?? null,
    outcome: typeof outcome === "string" && outcome ? outcome : null,
    callSuccessful: data.analysis?.call_successful ?? null,
    dynamicVariables: clientData?.dynamic_variables ?? {},
    analysis: data.analysis ?? null,
  };
}

function directionOf(value: string | null | undefined): Conversation["direction"] {
  const word = value?.toLowerCase();
  return word === "inbound" || word === "outbound" ? word : null;
}

export function normalizeTranscript(turns: Array<{ role: string; message?: string | null; time_in_call_secs: number }>): TranscriptTurn[] {
  return turns.flatMap((turn) =>
    (turn.role === "agent" || turn.role === "user") && turn.message ? [{ role: turn.role, message: turn.message, timeInCallSecs: turn.time_in_call_secs }] : [],
  );
}

export const conversationSummarySchema = z.looseObject({
  agent_id: z.string(),
  conversation_id: z.string(),
  start_time_unix_secs: z.number(),
  call_duration_secs: z.number(),
  message_count: z.number(),
  status: z.string(),
  call_successful: z.string(),
  transcript_summary: z.string().nullish(),
});

export const conversationsPageSchema = z.looseObject({
  conversations: z.array(conversationSummarySchema),
  next_cursor: z.string().nullish(),
  has_more: z.boolean(),
});
