import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordActivity } from "@/lib/activity/record-activity";
import { assertCallable, resolveCallTarget } from "@/lib/calls/resolve-call-target";
import type { TriggerCallInput } from "@/lib/calls/schemas";
import { createElevenLabsClient, type ElevenLabsClient } from "@/lib/elevenlabs/client";

function serverClient(): ElevenLabsClient {
  try {
    return createElevenLabsClient();
  } catch (error) {
    throw new AppError("provider_error", "Calling is not set up on this server: ELEVENLABS_API_KEY is missing. Ask whoever runs Callboard to configure it.", { cause: error });
  }
}

export interface PlaceCallActor {
  organizationId: string;
  userId: string;
}

/**
 * Places one call now. The Call row is written before the dial so its id can travel as the
 * attempt id (`user_id`): whatever happens to the HTTP answer, the conversation can be found again.
 * A failed dial is recorded and reported, never retried here (the endpoint has no idempotency key).
 */
export async function placeCall(
  actor: PlaceCallActor,
  input: TriggerCallInput,
  deps: { client?: ElevenLabsClient; now?: Date } = {},
) {
  const db = getDb();
  const target = await resolveCallTarget(actor.organizationId, {
    contactId: input.contactId,
    agentId: input.agentId,
    agentPhoneNumberId: input.agentPhoneNumberId ?? input.fromNumber,
    dynamicVariables: input.dynamicVariables,
    now: deps.now ?? new Date(),
  });
  const { agentId, agentPhoneNumberId, toNumber } = assertCallable(target);
  const { contact, dynamicVariables } = target;
  const client = deps.client ?? serverClient();

  const call = await db.call.create({
    data: {
      organizationId: actor.organizationId,
      contactId: contact.id,
      direction: "OUTBOUND",
      status: "INITIATED",
      toNumber,
      agentId,
      agentPhoneNumberId,
      placedByUserId: actor.userId,
    },
    select: { id: true },
  });

  const result = await client.startOutboundCall({ attemptId: call.id, agentId, agentPhoneNumberId, toNumber, dynamicVariables });

  if (result.ok) {
    const { conversationId, callSid } = result.value;
    await db.call.update({ where: { id: call.id }, data: { conversationId, callSid } });
    await recordActivity(db, {
      organizationId: actor.organizationId,
      type: "CALL_PLACED",
      message: `Called ${contact.name}`,
      actorUserId: actor.userId,
      contactId: contact.id,
      callId: call.id,
    });
    return { success: true as const, callId: call.id, conversationId };
  }

  const { error } = result;
  // The phone may be ringing: keep the call open so reconciliation by attempt id can settle it.
  const unknown = error.kind === "unknown_outcome";
  await db.call.update({
    where: { id: call.id },
    data: unknown
      ? { errorMessage: `No answer from ElevenLabs in time; the call may still connect. (${error.message})` }
      : { status: "FAILED", endedAt: new Date(), errorMessage: error.message },
  });
  await recordActivity(db, {
    organizationId: actor.organizationId,
    type: "CALL_FAILED",
    message: unknown ? `Call to ${contact.name} may not have started` : `Call to ${contact.name} failed: ${error.message}`,
    actorUserId: actor.userId,
    contactId: contact.id,
    callId: call.id,
    data: { kind: error.kind, providerStatus: error.status, providerCode: error.code },
  });
  const detail = unknown
    ? "ElevenLabs did not answer in time. The call may still connect; check Calls in a minute before trying again."
    : `ElevenLabs could not place the call: ${error.message}`;
  throw new AppError("provider_error", detail, { extra: { callId: call.id, providerStatus: error.status, retryable: error.kind === "retryable" } });
}
