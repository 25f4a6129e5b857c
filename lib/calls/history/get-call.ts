import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TranscriptTurn } from "@/lib/elevenlabs/conversation-schemas";

const callDetailSelect = {
  id: true,
  createdAt: true,
  startedAt: true,
  endedAt: true,
  status: true,
  direction: true,
  toNumber: true,
  fromNumber: true,
  agentId: true,
  conversationId: true,
  durationSeconds: true,
  transcript: true,
  summary: true,
  summaryTitle: true,
  terminationReason: true,
  callSuccessful: true,
  outcome: true,
  reportedOutcome: true,
  intent: true,
  sentiment: true,
  callerName: true,
  analysis: true,
  dynamicVariables: true,
  errorMessage: true,
  contact: { select: { id: true, name: true, phoneNumber: true, doNotCall: true } },
  /** Callbacks that follow this call up (scheduled by staff, the agent, or its outcome). */
  followUps: { select: { id: true, status: true, scheduledTime: true, callbackOrigin: true, awaitsConfirmation: true, confirmedAt: true }, orderBy: { scheduledTime: "asc" }, take: 5 },
  scheduledCall: {
    select: {
      id: true,
      status: true,
      scheduledTime: true,
      attempts: true,
      maxAttempts: true,
      batchId: true,
      kind: true,
      sourceCallId: true,
      attemptCalls: { select: { id: true, createdAt: true, status: true, outcome: true }, orderBy: { createdAt: "asc" } },
    },
  },
} as const;

/** Turns as stored: a list of turns, or one text from a flat payload (shown as the patient's words). */
export function readTranscript(value: unknown): TranscriptTurn[] {
  if (typeof value === "string") return value.trim() ? [{ role: "user", message: value, timeInCallSecs: 0 }] : [];
  if (!Array.isArray(value)) return [];
  return value.flatMap((turn: Partial<TranscriptTurn>) =>
    (turn.role === "agent" || turn.role === "user") && typeof turn.message === "string" ? [{ role: turn.role, message: turn.message, timeInCallSecs: Number(turn.timeInCallSecs ?? 0) }] : [],
  );
}

const record = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** One call of the clinic, with its transcript, analysis and the scheduled call's attempts. Another clinic's id is not found, like a missing one. */
export async function getCall(organizationId: string, id: string) {
  const call = await getDb().call.findFirst({ where: { id, organizationId }, select: callDetailSelect });
  if (!call) throw notFound("Call");
  return { ...call, transcript: readTranscript(call.transcript), analysis: record(call.analysis), dynamicVariables: record(call.dynamicVariables) };
}

export type CallDetail = Awaited<ReturnType<typeof getCall>>;
