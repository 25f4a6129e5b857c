import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { buildDynamicVariables } from "@/lib/calls/dynamic-variables";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import { createElevenLabsClient, type ElevenLabsClient } from "@/lib/elevenlabs/client";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";

export const testCallSchema = z.object({ phoneNumber: z.string().trim().min(1, "Enter your phone number").max(40) });

/**
 * Calls the signed-in admin's own number with the clinic's agent, to hear it before patients do. Same
 * order as placeCall: the Call row (no contact) first, its id as the attempt id, so the webhook and the
 * sweeper settle it like any call; never retried here.
 */
export async function placeTestCall(organizationId: string, actor: AuditActor & { name: string }, phoneNumber: string, deps: { client?: ElevenLabsClient; now?: Date } = {}) {
  const db = getDb();
  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, timezone: true, locale: true, defaultCountry: true, elevenLabsAgentId: true, elevenLabsPhoneNumberId: true },
  });
  const phone = normalizePhone(phoneNumber, org.defaultCountry);
  if (!phone.ok) throw new AppError("invalid_input", phone.message, { issues: [{ path: "phoneNumber", message: phone.message }] });
  if (!org.elevenLabsAgentId || !org.elevenLabsPhoneNumberId) {
    throw new AppError("bad_request", "Set the agent ID and phone-number ID in Voice agent first.");
  }
  let client = deps.client;
  if (!client) {
    try {
      client = createElevenLabsClient();
    } catch (error) {
      throw new AppError("provider_error", "Calling is not set up on this server: ELEVENLABS_API_KEY is missing.", { cause: error });
    }
  }
  const dynamicVariables = buildDynamicVariables({ contact: { name: actor.name, phoneNumber: phone.e164 }, organization: org, now: deps.now ?? new Date() });
  const call = await db.call.create({
    data: { organizationId, direction: "OUTBOUND", status: "INITIATED", toNumber: phone.e164, agentId: org.elevenLabsAgentId, agentPhoneNumberId: org.elevenLabsPhoneNumberId, placedByUserId: actor.userId },
    select: { id: true },
  });
  await recordAuditEvent(db, { organizationId, action: "TEST_CALL_PLACED", actor, targetType: "call", targetId: call.id, data: { toNumber: phone.e164 } });
  const result = await client.startOutboundCall({ attemptId: call.id, agentId: org.elevenLabsAgentId, agentPhoneNumberId: org.elevenLabsPhoneNumberId, toNumber: phone.e164, dynamicVariables });
  if (result.ok) {
    await db.call.update({ where: { id: call.id }, data: { conversationId: result.value.conversationId, callSid: result.value.callSid } });
    return { callId: call.id, conversationId: result.value.conversationId, toNumber: phone.e164 };
  }
  const unknown = result.error.kind === "unknown_outcome";
  await db.call.update({
    where: { id: call.id },
    data: unknown ? { errorMessage: `No answer from ElevenLabs in time (${result.error.message})` } : { status: "FAILED", endedAt: new Date(), errorMessage: result.error.message },
  });
  throw new AppError("provider_error", unknown ? "ElevenLabs did not answer in time; your phone may still ring." : `ElevenLabs could not place the test call: ${result.error.message}`);
}
