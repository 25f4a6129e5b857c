import { z } from "zod";
import {
  conversationDataSchema,
  normalizeConversation,
  wholeSeconds,
  normalizeTranscript,
  type Conversation,
  type TranscriptTurn,
} from "@/lib/elevenlabs/conversation-schemas";

/**
 * What can arrive at the post-call webhook, normalized for the event handlers.
 * Schemas are loose: ElevenLabs adds fields without notice, and an event we fail to parse is lost
 * (it is sent once and never retried).
 */
export type WebhookEvent =
  | ({ type: "post_call_transcription"; eventTimestamp: number } & Conversation)
  | {
      type: "call_initiation_failure";
      eventTimestamp: number;
      conversationId: string;
      agentId: string;
      /** "busy" | "no-answer" | "unknown" as documented; other words are passed through. */
      failureReason: string;
      callSid: string | null;
      /** Our attempt id when ElevenLabs includes the client data. */
      userId: string | null;
    }
  | { type: "post_call_audio"; eventTimestamp: number; conversationId: string; agentId: string }
  | {
      /** The flat payload of the older integration some clinics still send. */
      type: "legacy_call";
      callId: string;
      agentId: string | null;
      startedAt: Date | null;
      endedAt: Date | null;
      durationSeconds: number | null;
      fromNumber: string | null;
      toNumber: string | null;
      /** Turns when sent as a list, the text as-is when sent as one string. */
      transcript: TranscriptTurn[] | string;
      outcome: string | null;
      summary: string | null;
    }
  /** A well-formed event of a type we do not handle; acknowledge it so the webhook stays enabled. */
  | { type: "unsupported"; eventType: string };

export type WebhookParseResult = { ok: true; event: WebhookEvent } | { ok: false; error: string };

const transcriptionEventSchema = z.looseObject({
  type: z.literal("post_call_transcription"),
  event_timestamp: z.number(),
  data: conversationDataSchema,
});

const initiationFailureEventSchema = z.looseObject({
  type: z.literal("call_initiation_failure"),
  event_timestamp: z.number(),
  data: z.looseObject({
    agent_id: z.string(),
    conversation_id: z.string(),
    failure_reason: z.string().nullish(),
    metadata: z
      .looseObject({
        type: z.string().optional(),
        body: z.looseObject({ CallSid: z.string().optional() }).nullish(),
      })
      .nullish(),
    conversation_initiation_client_data: z.looseObject({ user_id: z.string().nullish() }).nullish(),
  }),
});

// Audio is base64 MP3 (megabytes): only the ids are read, the audio is never copied.
const audioEventSchema = z.looseObject({
  type: z.literal("post_call_audio"),
  event_timestamp: z.number(),
  data: z.looseObject({ agent_id: z.string(), conversation_id: z.string() }),
});

const timestamp = z.union([z.string().min(1), z.number()]).nullish();

const legacyPayloadSchema = z.looseObject({
  call_id: z.string().min(1),
  agent_id: z.string().nullish(),
  started_at: timestamp,
  ended_at: timestamp,
  duration_seconds: z.number().nonnegative().nullish(),
  from_number: z.string().nullish(),
  to_number: z.string().nullish(),
  transcript: z
    .union([z.string(), z.array(z.looseObject({ role: z.string(), message: z.string().nullish(), time_in_call_secs: z.number().default(0) }))])
    .nullish(),
  analysis: z.looseObject({ call_outcome: z.string().nullish(), summary: z.string().nullish() }).nullish(),
});

/** Parses an already JSON-decoded body. */
export function parseWebhookPayload(payload: unknown): WebhookParseResult {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    return { ok: false, error: "The webhook body is not a JSON object." };
  }
  const type = (payload as { type?: unknown }).type;

  if (type === "post_call_transcription") {
    const parsed = transcriptionEventSchema.safeParse(payload);
    if (!parsed.success) return invalid(type, parsed.error);
    return { ok: true, event: { type, eventTimestamp: parsed.data.event_timestamp, ...normalizeConversation(parsed.data.data) } };
  }

  if (type === "call_initiation_failure") {
    const parsed = initiationFailureEventSchema.safeParse(payload);
    if (!parsed.success) return invalid(type, parsed.error);
    const { data } = parsed.data;
    return {
      ok: true,
      event: {
        type,
        eventTimestamp: parsed.data.event_timestamp,
        conversationId: data.conversation_id,
        agentId: data.agent_id,
        failureReason: data.failure_reason || "unknown",
        callSid: data.metadata?.body?.CallSid ?? null,
        userId: data.conversation_initiation_client_data?.user_id ?? null,
      },
    };
  }

  if (type === "post_call_audio") {
    const parsed = audioEventSchema.safeParse(payload);
    if (!parsed.success) return invalid(type, parsed.error);
    const { data } = parsed.data;
    return { ok: true, event: { type, eventTimestamp: parsed.data.event_timestamp, conversationId: data.conversation_id, agentId: data.agent_id } };
  }

  if (typeof type === "string") return { ok: true, event: { type: "unsupported", eventType: type } };

  if ("call_id" in payload) {
    const parsed = legacyPayloadSchema.safeParse(payload);
    if (!parsed.success) return invalid("legacy", parsed.error);
    return { ok: true, event: normalizeLegacy(parsed.data) };
  }

  return { ok: false, error: "The webhook body has neither an event type nor a call_id." };
}

function normalizeLegacy(payload: z.infer<typeof legacyPayloadSchema>): WebhookEvent {
  const startedAt = toDate(payload.started_at);
  const endedAt = toDate(payload.ended_at);
  const derivedDuration = startedAt && endedAt ? Math.max(0, Math.round((endedAt.getTime() - startedAt.getTime()) / 1000)) : null;
  return {
    type: "legacy_call",
    callId: payload.call_id,
    agentId: payload.agent_id ?? null,
    startedAt,
    endedAt,
    durationSeconds: wholeSeconds(payload.duration_seconds) ?? derivedDuration,
    fromNumber: payload.from_number ?? null,
    toNumber: payload.to_number ?? null,
    transcript: typeof payload.transcript === "string" ? payload.transcript : normalizeTranscript(payload.transcript ?? []),
    outcome: payload.analysis?.call_outcome || null,
    summary: payload.analysis?.summary || null,
  };
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * ISO 8601 date-time, or unix time in seconds (older senders used both). A date-time without an
 * offset is read as UTC, and other text is refused: `new Date()` would read both in the server's
 * zone.
 */
function toDate(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  let date: Date;
  if (typeof value === "number") {
    date = new Date(value * 1000);
  } else {
    const text = value.trim();
    const match = ISO_DATE_TIME.exec(text);
    if (!match) return null;
    date = new Date(match[3] ? text : `${text}Z`);
  }
  return Number.isNaN(date.getTime()) ? null : date;
}

function invalid(type: string, error: z.ZodError): WebhookParseResult {
  const issues = error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
    .join("; ");
  return { ok: false, error: `Invalid ${type} payload — ${issues}` };
}
