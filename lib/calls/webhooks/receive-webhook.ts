import { AppError } from "@/lib/errors";
import { verifyElevenLabsSignature } from "@/lib/elevenlabs/webhook-signature";
import { parseWebhookPayload, type WebhookEvent } from "@/lib/elevenlabs/webhook-payloads";
import { findCallForEvent, type EventCall } from "@/lib/calls/webhooks/find-call";
import { completeCall, failCall } from "@/lib/calls/webhooks/complete-call";
import { applyConversation } from "@/lib/calls/webhooks/apply-conversation";

/** `freedSlotOf`: the organization whose call just ended (a dial slot is free for its next due call). */
export type WebhookOutcome = { handled: true; event: string; freedSlotOf: string } | { handled: false; event: string; reason: string };

/**
 * One post-call webhook from ElevenLabs: verify the signature over the raw body (failing closed
 * without a secret), parse, and apply. ElevenLabs sends each event once and disables a webhook
 * that keeps failing, so events we cannot use (unknown conversation, duplicates, audio) are
 * acknowledged, not refused.
 */
export async function receiveElevenLabsWebhook(rawBody: string, signatureHeader: string | null, secret = process.env.ELEVENLABS_WEBHOOK_SECRET): Promise<WebhookOutcome> {
  const verified = verifyElevenLabsSignature(rawBody, signatureHeader, secret);
  if (!verified.ok) {
    if (verified.reason === "secret_not_configured") console.error("ELEVENLABS_WEBHOOK_SECRET is not set: refusing every webhook.");
    throw new AppError("unauthenticated", `Webhook signature rejected (${verified.reason}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError("bad_request", "The webhook body is not valid JSON.");
  }
  const parsed = parseWebhookPayload(json);
  if (!parsed.ok) throw new AppError("invalid_input", `The webhook payload is not one we understand: ${parsed.error}`);
  return applyEvent(parsed.event);
}

/** Only an open call changes; a second delivery of the same event finds it settled. */
function settled(event: string, changed: boolean, call: EventCall): WebhookOutcome {
  return changed ? { handled: true, event, freedSlotOf: call.organizationId } : { handled: false, event, reason: "already recorded" };
}

async function applyEvent(event: WebhookEvent): Promise<WebhookOutcome> {
  switch (event.type) {
    case "post_call_transcription": {
      const call = await findCallForEvent(event.conversationId, event.userId);
      if (!call) return { handled: false, event: event.type, reason: "unknown conversation" };
      return settled(event.type, await applyConversation(call, event), call);
    }
    case "call_initiation_failure": {
      const call = await findCallForEvent(event.conversationId, event.userId);
      if (!call) return { handled: false, event: event.type, reason: "unknown conversation" };
      const changed = await failCall(call, event.conversationId, event.failureReason);
      return settled(event.type, changed, call);
    }
    case "legacy_call": {
      const call = await findCallForEvent(event.callId, null);
      if (!call) return { handled: false, event: event.type, reason: "unknown conversation" };
      const changed = await completeCall(call, {
        conversationId: event.callId,
        callSid: null,
        startedAt: event.startedAt,
        durationSeconds: event.durationSeconds,
        transcript: event.transcript,
        summary: event.summary,
        outcome: event.outcome,
        analysis: null,
      });
      return settled(event.type, changed, call);
    }
    case "post_call_audio":
      return { handled: false, event: event.type, reason: "audio is not stored" };
    case "unsupported":
      return { handled: false, event: event.eventType, reason: "event type not handled" };
  }
}
