import { AppError } from "@/lib/errors";
import { parseStorableJson } from "@/lib/http/storable-text";
import { verifyElevenLabsSignature } from "@/lib/elevenlabs/webhook-signature";
import { parseWebhookPayload, type WebhookEvent } from "@/lib/elevenlabs/webhook-payloads";
import { describeCall } from "@/lib/calls/meaning/describe-call";
import { findCallForEvent } from "@/lib/calls/webhooks/find-call";
import { callResultOf, conversationEnd } from "@/lib/calls/lifecycle/conversation-end";
import { endConnectedCall, endUnconnectedCall, type CallMatch, type CallResult, type EndedCall } from "@/lib/calls/lifecycle/settle-call";
import type { CallEnd } from "@/lib/calls/webhooks/record-call-ended";
import { recordReceivedCall } from "@/lib/calls/lifecycle/record-received-call";
import type { Conversation } from "@/lib/elevenlabs/conversation-schemas";
import { honourOptOutInCall } from "@/lib/compliance/do-not-call/honour-opt-out-in-call";

/**
 * `ended`: the call that just ended and how, for the work done after the answer (its feed entry, and
 * the refill of the dial slot it freed, in the ended call's clinic).
 */
export type WebhookOutcome = { handled: true; event: string; ended: EndedCall; end: CallEnd } | { handled: false; event: string; reason: string };

/**
 * One post-call webhook from ElevenLabs: verify the signature over the raw body (failing closed
 * without a secret), parse, and record the result in one conditional write. ElevenLabs sends each
 * event once and disables a webhook that keeps failing, so events we cannot use (unknown
 * conversation, duplicates, audio) are acknowledged, not refused — and nothing else is done before
 * the answer.
 */
export async function receiveElevenLabsWebhook(
  rawBody: string,
  signatureHeader: string | null,
  secret = process.env.ELEVENLABS_WEBHOOK_SECRET,
): Promise<WebhookOutcome> {
  const verified = verifyElevenLabsSignature(rawBody, signatureHeader, secret);
  if (!verified.ok) {
    if (verified.reason === "secret_not_configured") console.error("ELEVENLABS_WEBHOOK_SECRET is not set: refusing every webhook.");
    throw new AppError("unauthenticated", `Webhook signature rejected (${verified.reason}).`);
  }
  let json: unknown;
  try {
    // A NUL or a lone surrogate in a transcript would fail the write and lose the event: keep the rest.
    json = parseStorableJson(rawBody);
  } catch {
    throw new AppError("bad_request", "The webhook body is not valid JSON.");
  }
  const parsed = parseWebhookPayload(json);
  if (!parsed.ok) throw new AppError("invalid_input", `The webhook payload is not one we understand: ${parsed.error}`);
  return applyEvent(parsed.event);
}

/**
 * The write matched no open call: either we never placed it, or it was recorded already (a second
 * delivery). Only this rare path pays for the extra read that tells them apart.
 */
async function notChanged(event: string, match: Extract<CallMatch, { conversationId: string }>): Promise<WebhookOutcome> {
  const call = await findCallForEvent(match.conversationId, match.attemptId);
  if (!call) return { handled: false, event, reason: "unknown conversation" };
  if (match.agentId && call.agentId && call.agentId !== match.agentId) {
    console.warn(`Webhook for conversation ${match.conversationId}: agent ${match.agentId} is not the agent the call was placed with; ignored.`);
    return { handled: false, event, reason: "agent does not match the call" };
  }
  return { handled: false, event, reason: "already recorded" };
}

async function connected(
  event: string,
  match: Extract<CallMatch, { conversationId: string }>,
  result: CallResult,
  conversation?: Conversation,
): Promise<WebhookOutcome> {
  const ended = await endConnectedCall(match, result);
  if (!ended) {
    const outcome = await notChanged(event, match);
    // A conversation we did not dial (a patient ringing the clinic, a call placed from ElevenLabs itself):
    // recorded for the clinic that owns the agent, once.
    if (!conversation || outcome.handled || outcome.reason !== "unknown conversation") return outcome;
    return received(event, conversation, result);
  }
  await honourOptOutInCall(ended, result);
  const { outcome, reportedOutcome } = result.meaning;
  return { handled: true, event, ended, end: { kind: "connected", outcome, reportedOutcome, durationSeconds: result.durationSeconds } };
}

/**
 * A call that never connected: busy or no answer (`call_initiation_failure`), or a transcription of a
 * failed conversation nobody spoke in — the same end the sweeper gives it. The scheduled call retries or fails.
 */
async function notConnected(
  event: string,
  match: Extract<CallMatch, { conversationId: string }>,
  reason: string,
  conversation?: Conversation,
): Promise<WebhookOutcome> {
  const ended = await endUnconnectedCall(match, match.conversationId, reason, conversation?.terminationReason ?? null);
  if (!ended) {
    const outcome = await notChanged(event, match);
    // A conversation we did not dial is recorded for its clinic as it came, as a connected one is.
    if (!conversation || outcome.handled || outcome.reason !== "unknown conversation") return outcome;
    return received(event, conversation, callResultOf(conversation));
  }
  return { handled: true, event, ended, end: { kind: "not_connected", reason } };
}

async function received(event: string, conversation: Conversation, result: CallResult): Promise<WebhookOutcome> {
  const recorded = await recordReceivedCall(conversation, result);
  if (recorded.kind === "unowned") {
    console.warn(`Webhook for conversation ${conversation.conversationId}: agent ${conversation.agentId} belongs to no clinic; acknowledged, not recorded.`);
    return { handled: false, event, reason: "agent not registered to any clinic" };
  }
  if (recorded.kind === "duplicate") return { handled: false, event, reason: "already recorded" };
  await honourOptOutInCall(recorded.call, result);
  const { outcome, reportedOutcome } = result.meaning;
  return {
    handled: true,
    event,
    ended: recorded.call,
    end: { kind: "received", outcome, reportedOutcome, durationSeconds: result.durationSeconds, patientNumber: recorded.patientNumber },
  };
}

async function applyEvent(event: WebhookEvent): Promise<WebhookOutcome> {
  switch (event.type) {
    case "post_call_transcription": {
      const match = { conversationId: event.conversationId, attemptId: event.userId, agentId: event.agentId };
      // The sweeper's rule too (lib/calls/lifecycle/conversation-end.ts): a failed conversation nobody spoke in never connected.
      const end = conversationEnd(event);
      return end.kind === "connected" ? connected(event.type, match, end.result, event) : notConnected(event.type, match, end.reason, event);
    }
    case "call_initiation_failure":
      return notConnected(event.type, { conversationId: event.conversationId, attemptId: event.userId, agentId: event.agentId }, event.failureReason);
    case "legacy_call":
      return connected(
        event.type,
        { conversationId: event.callId, attemptId: null, agentId: event.agentId },
        {
          conversationId: event.callId,
          callSid: null,
          startedAt: event.startedAt,
          durationSeconds: event.durationSeconds,
          transcript: event.transcript,
          summary: event.summary,
          summaryTitle: null,
          terminationReason: null,
          callSuccessful: null,
          dynamicVariables: null,
          analysis: null,
          meaning: describeCall({
            transcript: event.transcript,
            analysis: event.outcome ? { call_outcome: event.outcome } : null,
            terminationReason: null,
            summary: event.summary,
            summaryTitle: null,
          }),
        },
      );
    case "post_call_audio":
      return { handled: false, event: event.type, reason: "audio is not stored" };
    case "unsupported":
      return { handled: false, event: event.eventType, reason: "event type not handled" };
  }
}
