import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { findDoNotCall } from "@/lib/compliance/do-not-call/find-do-not-call";
import { consentRefusal } from "@/lib/compliance/consent";
import type { TranscriptTurn } from "@/lib/elevenlabs/conversation-schemas";
import { openCallColumn } from "@/lib/calls/history/sealed-call-fields";
import { recordTranscriptView, type TranscriptReadChannel } from "@/lib/compliance/record-transcript-view";
import type { AuditActor } from "@/lib/compliance/record-audit-event";
import { followUpsOf } from "@/lib/callbacks/follow-ups";

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
  transcriptPurgedAt: true,
  contact: { select: { id: true, name: true, phoneNumber: true, consentBasis: true } },
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
    (turn.role === "agent" || turn.role === "user") && typeof turn.message === "string"
      ? [{ role: turn.role, message: turn.message, timeInCallSecs: Number(turn.timeInCallSecs ?? 0) }]
      : [],
  );
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Who is reading, and where: every read of a transcript is in the audit log (45 CFR 164.312(b)). */
export interface CallReader {
  actor: AuditActor;
  via: TranscriptReadChannel;
}

/**
 * One call of the clinic, with its transcript, analysis and the scheduled call's attempts, decrypted for
 * a staff member allowed to read them; the read is recorded in the audit log when the call has any of
 * them. Another clinic's id is not found, like a missing one.
 */
export async function getCall(organizationId: string, id: string, reader: CallReader) {
  const call = await getDb().call.findFirst({ where: { id, organizationId }, select: callDetailSelect });
  if (!call) throw notFound("Call");
  // Callbacks that follow this call up (scheduled by staff, the agent, or its outcome): the rule "Needs attention" uses.
  const followUps = await getDb().scheduledCall.findMany({
    where: { organizationId, ...followUpsOf({ id: call.id, conversationId: call.conversationId, contactId: call.contact?.id ?? null }) },
    select: { id: true, status: true, scheduledTime: true, callbackOrigin: true, awaitsConfirmation: true, confirmedAt: true },
    orderBy: [{ scheduledTime: "asc" }, { id: "asc" }],
    take: 5,
  });
  const sealed = call.transcript !== null || call.analysis !== null || call.dynamicVariables !== null;
  // "Call again" is offered only while the contact's number is off the do-not-call list and their consent is not "none".
  const doNotCall = call.contact ? (await findDoNotCall(getDb(), organizationId, call.contact.phoneNumber)) !== null : false;
  const detail = {
    ...call,
    followUps,
    contact: call.contact
      ? {
          id: call.contact.id,
          name: call.contact.name,
          phoneNumber: call.contact.phoneNumber,
          doNotCall,
          noConsent: consentRefusal(call.contact.consentBasis) !== null,
        }
      : null,
    transcript: readTranscript(openCallColumn("transcript", call.transcript)),
    analysis: record(openCallColumn("analysis", call.analysis)),
    dynamicVariables: record(openCallColumn("dynamicVariables", call.dynamicVariables)),
  };
  if (sealed) await recordTranscriptView(organizationId, reader.actor, call.id, reader.via);
  return detail;
}

export type CallDetail = Awaited<ReturnType<typeof getCall>>;
