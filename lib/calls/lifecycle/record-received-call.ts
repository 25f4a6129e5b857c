import { getDb } from "@/lib/db";
import { formatPhoneForDisplay, normalizePhone } from "@/lib/contacts/normalize-phone";
import { contactNameSchema } from "@/lib/contacts/schemas";
import { linkCallbacksToCall } from "@/lib/callbacks/follow-ups";
import { createId } from "@/lib/ids/create-id";
import type { Conversation } from "@/lib/elevenlabs/conversation-schemas";
import { connectedFields, type CallResult, type EndedCall } from "@/lib/calls/lifecycle/settle-call";

export type ReceivedCall =
  | { kind: "recorded"; call: EndedCall; patientNumber: string | null }
  /** Recorded already (a second delivery of the same conversation). */
  | { kind: "duplicate" }
  /** No clinic owns the agent: nothing is recorded anywhere. */
  | { kind: "unowned" };

/**
 * A finished conversation Callboard did not dial — a patient ringing the clinic's number, or a call placed
 * from ElevenLabs itself — becomes a call of the clinic that owns the agent (never a clinic named by the
 * payload). The patient is the other party (`external_number`) in either direction, linked to the contact
 * with that number when there is one. Idempotent by conversation id: the insert does nothing the second time.
 * The call backs the agent scheduled during it are linked to it (they were written before this row), and a
 * contact the agent made for an unknown caller, still named with their number, takes the name the caller gave.
 */
export async function recordReceivedCall(conversation: Conversation, result: CallResult): Promise<ReceivedCall> {
  const db = getDb();
  const agent = await db.voiceAgent.findUnique({
    where: { agentId: conversation.agentId },
    select: { organizationId: true, organization: { select: { defaultCountry: true } } },
  });
  if (!agent) return { kind: "unowned" };
  const { organizationId } = agent;

  const parsed = conversation.toNumber ? normalizePhone(conversation.toNumber, agent.organization.defaultCountry) : null;
  const patientNumber = parsed?.ok ? parsed.e164 : conversation.toNumber;
  const contact = parsed?.ok
    ? await db.contact.findUnique({ where: { organizationId_phoneNumber: { organizationId, phoneNumber: parsed.e164 } }, select: { id: true, name: true } })
    : null;
  const inbound = conversation.direction !== "outbound";
  const clinicNumber = conversation.agentNumber;

  const fields = connectedFields(result);
  const id = createId();
  const { count } = await db.call.createMany({
    skipDuplicates: true,
    data: [
      {
        id,
        organizationId,
        contactId: contact?.id ?? null,
        conversationId: conversation.conversationId,
        callSid: fields.callSid,
        direction: inbound ? "INBOUND" : "OUTBOUND",
        agentId: conversation.agentId,
        agentPhoneNumberId: conversation.phoneNumberId,
        fromNumber: inbound ? patientNumber : clinicNumber,
        // The column holds the number that was rung: the clinic's on an inbound call ("" for a web conversation).
        toNumber: (inbound ? clinicNumber : patientNumber) ?? "",
        status: "COMPLETED",
        startedAt: fields.startedAt,
        endedAt: fields.endedAt,
        durationSeconds: fields.durationSeconds,
        transcript: fields.transcript ?? undefined,
        summary: fields.summary,
        summaryTitle: fields.summaryTitle,
        terminationReason: fields.terminationReason,
        callSuccessful: fields.callSuccessful,
        outcome: fields.outcome,
        reportedOutcome: fields.reportedOutcome,
        intent: fields.intent,
        sentiment: fields.sentiment,
        callerName: fields.callerName,
        searchText: fields.searchText,
        analysis: fields.analysis ?? undefined,
        dynamicVariables: fields.dynamicVariables ?? undefined,
      },
    ],
  });
  if (count === 0) return { kind: "duplicate" };
  let contactName = contact?.name ?? null;
  if (contact && parsed?.ok) {
    await linkCallbacksToCall(db, organizationId, contact.id, { id, conversationId: conversation.conversationId });
    // schedule_callback names a caller it does not know by their number; the name they gave is better, unless staff renamed them since.
    const given = contactNameSchema.safeParse(fields.callerName ?? "");
    const placeholder = formatPhoneForDisplay(parsed.e164, agent.organization.defaultCountry);
    if (given.success && contact.name === placeholder) {
      const renamed = await db.contact.updateMany({ where: { id: contact.id, organizationId, name: placeholder }, data: { name: given.data } });
      if (renamed.count === 1) contactName = given.data;
    }
  }
  return {
    kind: "recorded",
    call: { id, organizationId, contactId: contact?.id ?? null, scheduledCallId: null, contactName },
    patientNumber,
  };
}
