import { getDb } from "@/lib/db";
import { findDoNotCall } from "@/lib/compliance/do-not-call/find-do-not-call";
import { consentRefusal } from "@/lib/compliance/consent";
import { AppError } from "@/lib/errors";
import { insertCallback } from "@/lib/callbacks/insert-callback";
import { followUpsOf } from "@/lib/callbacks/follow-ups";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { placeInCallingHours } from "@/lib/scheduling/place-in-calling-hours";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";
import { loadPatientLimits } from "@/lib/compliance/load-patient-limits";
import { holdSequenceOn, lockSequenceOfCall } from "@/lib/scheduling/hold-sequence";

/**
 * A callback made from a call's outcome runs no sooner than this after the call ended: the clinic has
 * that long to confirm it, move it, or cancel it and ring the patient itself. Left alone, it runs.
 */
export const FOLLOW_UP_DELAY_MS = 60 * 60_000;

/** The outcomes that ask for a follow-up call, and the note each one leaves for staff and the agent. */
const FOLLOW_UP_NOTES: Record<string, string> = {
  callback: "The patient asked to be called back.",
  escalated: "The call was escalated: the patient asked for a person at the clinic.",
};

export function wantsFollowUp(outcome: string | null | undefined): boolean {
  return outcome !== null && outcome !== undefined && outcome in FOLLOW_UP_NOTES;
}

export type FollowUpResult =
  | { created: true; scheduledCallId: string; scheduledTime: Date }
  | {
      created: false;
      reason: "not_requested" | "no_contact" | "do_not_call" | "no_consent" | "already_scheduled" | "no_line" | "no_calling_hours" | "sequence_moved_on";
    };

/**
 * After a call whose outcome is "callback" or "escalated": a callback "to confirm", at the next calling
 * time at least FOLLOW_UP_DELAY_MS away. Not when one already follows this call (the agent scheduled it
 * mid-call with schedule_callback, or a second look at the same call), nor for a caller who is not a
 * contact, is on the do-not-call list or agreed to no calls: those stay on "Needs attention" for a person.
 * From a call of a one-at-a-time sequence (a step's, or a call back's it waits on) the call back is the
 * sequence's: the sequence waits on it, so nobody else is offered the slot meanwhile — made before the
 * sequence's advance (lib/calls/lifecycle/settle-call.ts). A sequence that has already moved on, or
 * stopped, gets none (the slot is someone else's to take, or gone): the call stays on "Needs attention".
 */
export async function createFollowUpCallback(organizationId: string, callId: string, now = new Date()): Promise<FollowUpResult> {
  const call = await getDb().call.findFirst({
    where: { id: callId, organizationId },
    select: {
      id: true,
      outcome: true,
      conversationId: true,
      agentId: true,
      contact: { select: { id: true, name: true, phoneNumber: true, timezone: true, consentBasis: true } },
    },
  });
  if (!call || !wantsFollowUp(call.outcome)) return { created: false, reason: "not_requested" };
  const { contact } = call;
  if (!contact) return { created: false, reason: "no_contact" };
  if (await findDoNotCall(getDb(), organizationId, contact.phoneNumber)) return { created: false, reason: "do_not_call" };
  if (consentRefusal(contact.consentBasis)) return { created: false, reason: "no_consent" };

  const existing = await getDb().scheduledCall.findFirst({
    where: { organizationId, ...followUpsOf({ id: call.id, conversationId: call.conversationId, contactId: contact.id }) },
    select: { id: true },
  });
  if (existing) return { created: false, reason: "already_scheduled" };

  const rules = await loadCallingRules(organizationId);
  const earliest = new Date(+now + FOLLOW_UP_DELAY_MS);
  // The call it follows counts against the patient's limits: the time shown "to confirm" is the time it rings.
  const limits = await loadPatientLimits(organizationId, contact, rules, +earliest);
  let placed;
  try {
    placed = placeInCallingHours(earliest, now, rules, recipientTimeZone(contact, rules.timezone).zone, limits);
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { created: false, reason: "no_calling_hours" };
    throw error;
  }
  const note = FOLLOW_UP_NOTES[call.outcome!]!;
  try {
    const scheduled = await getDb().$transaction(async (tx) => {
      // Locked until the call back is written: the sequence's advance either sees it or has moved on already.
      const sequence = await lockSequenceOfCall(tx, call.id);
      if (sequence && !sequence.waitsOnIt) return null;
      const written = await insertCallback(
        {
          organizationId,
          timezone: rules.timezone,
          maxAttempts: rules.maxAttempts,
          contact,
          sourceCall: call,
          origin: "AFTER_CALL",
          at: placed.at,
          requested: null,
          note,
          awaitsConfirmation: true,
          actorUserId: null,
          variables: { callback_reason: note },
          sequenceBatchId: sequence?.batchId ?? null,
        },
        tx,
      );
      if (sequence) await holdSequenceOn(tx, sequence.batchId, written.id);
      return written;
    });
    if (!scheduled) return { created: false, reason: "sequence_moved_on" };
    return { created: true, scheduledCallId: scheduled.id, scheduledTime: scheduled.scheduledTime };
  } catch (error) {
    // No agent or number set up: nothing can ring back; the call stays on "Needs attention".
    if (error instanceof AppError && error.status < 500) return { created: false, reason: "no_line" };
    throw error;
  }
}
