import { getDb } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record-activity";
import { buildDynamicVariables } from "@/lib/calls/dynamic-variables";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import type { ElevenLabsClient } from "@/lib/elevenlabs/client";
import { nextCallingTime } from "@/lib/scheduling/next-calling-time";
import type { OrganizationCallingRules } from "@/lib/scheduling/load-calling-rules";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";
import type { ClaimedCall } from "@/lib/dispatch/claim-due-calls";
import { failScheduledCall, retryOrFail } from "@/lib/dispatch/retry-or-fail";

/** What became of one claimed call in this run. */
export type DispatchOutcome =
  | "dialed" // the provider accepted the dial; the webhook finishes it
  | "retry" // the provider refused for now; PENDING again with backoff
  | "failed" // refused for good, or no attempts left
  | "deferred" // outside calling hours now; PENDING at the next opening, attempt not counted
  | "skipped" // do-not-call since it was scheduled; cancelled with the reason
  | "unknown" // no answer to the dial: reconciled by attempt id later, never redialed
  | "lost"; // the lease is no longer ours (or the row is gone): someone else has it

export interface DispatchContext {
  runId: string;
  client: ElevenLabsClient;
  now: () => Date;
  rules: (organizationId: string) => Promise<OrganizationCallingRules>;
}

class LeaseLost extends Error {}

/**
 * Dials one claimed call. Re-checks first (contact do-not-call, number, calling hours of the clinic
 * and the recipient); then writes the attempt's Call row and marks the row "dial sent" in one
 * transaction — conditional on still holding the lease — before the request leaves, so a crash
 * from here on is reconciled by attempt id, never redialed.
 */
export async function dispatchClaimedCall(claimed: ClaimedCall, context: DispatchContext): Promise<DispatchOutcome> {
  const db = getDb();
  const now = context.now();
  const ours = { id: claimed.id, status: "IN_PROGRESS" as const, lockedBy: context.runId, dialStartedAt: null };
  const release = { lockedUntil: null, lockedBy: null };
  const [contact, rules] = await Promise.all([
    db.contact.findFirst({ where: { id: claimed.contactId, organizationId: claimed.organizationId } }),
    context.rules(claimed.organizationId),
  ]);
  if (!contact) return "lost"; // deleted: its scheduled calls went with it

  if (contact.doNotCall) {
    const { count } = await db.scheduledCall.updateMany({
      where: ours,
      data: { ...release, status: "CANCELLED", cancelledAt: now, attempts: { decrement: 1 }, errorMessage: `Not called: ${contact.name} is on the do-not-call list` },
    });
    return count ? "skipped" : "lost";
  }
  const phone = normalizePhone(contact.phoneNumber, rules.defaultCountry);
  if (!phone.ok) {
    const { count } = await db.scheduledCall.updateMany({ where: ours, data: { ...release, status: "FAILED", executedAt: now, errorMessage: `No valid phone number: ${phone.message}` } });
    return count ? "failed" : "lost";
  }
  const zone = recipientTimeZone(contact, rules.timezone).zone;
  const opening = nextCallingTime(now, rules, zone);
  if (opening !== +now) {
    const { count } = await db.scheduledCall.updateMany({
      where: ours,
      data:
        opening === null
          ? { ...release, status: "FAILED", executedAt: now, errorMessage: "The clinic’s calling hours never overlap the recipient’s legal calling hours" }
          : { ...release, status: "PENDING", nextAttemptAt: new Date(opening), attempts: { decrement: 1 } },
    });
    return count ? (opening === null ? "failed" : "deferred") : "lost";
  }

  let callId: string;
  try {
    callId = await db.$transaction(async (tx) => {
      const call = await tx.call.create({
        data: {
          organizationId: claimed.organizationId,
          contactId: contact.id,
          scheduledCallId: claimed.id,
          direction: "OUTBOUND",
          status: "INITIATED",
          toNumber: phone.e164,
          agentId: claimed.agentId,
          agentPhoneNumberId: claimed.fromNumber,
        },
        select: { id: true },
      });
      const { count } = await tx.scheduledCall.updateMany({ where: ours, data: { dialStartedAt: now, callId: call.id, errorMessage: null } });
      if (count === 0) throw new LeaseLost();
      return call.id;
    });
  } catch (error) {
    if (error instanceof LeaseLost) return "lost";
    throw error;
  }

  const dynamicVariables = buildDynamicVariables({ contact, organization: rules, now, overrides: claimed.dynamicVariables });
  const result = await context.client.startOutboundCall({ attemptId: callId, agentId: claimed.agentId, agentPhoneNumberId: claimed.fromNumber, toNumber: phone.e164, dynamicVariables });
  const settledAt = context.now();

  if (result.ok) {
    const { conversationId, callSid } = result.value;
    await db.$transaction(async (tx) => {
      // The webhook of a very short call may already have completed both rows: only fill in ids.
      await tx.call.updateMany({ where: { id: callId, conversationId: null }, data: { conversationId, callSid } });
      await tx.scheduledCall.updateMany({ where: { id: claimed.id, callId }, data: { providerCallId: conversationId, lockedUntil: null } });
      await recordActivity(tx, {
        organizationId: claimed.organizationId,
        type: "CALL_PLACED",
        message: `Called ${contact.name} (scheduled, attempt ${claimed.attempts} of ${claimed.maxAttempts})`,
        contactId: contact.id,
        callId,
        data: { scheduledCallId: claimed.id },
      });
    });
    return "dialed";
  }

  const { error } = result;
  if (error.kind === "unknown_outcome") {
    const note = `No answer from ElevenLabs in time; checking whether the call started. (${error.message})`;
    await db.call.updateMany({ where: { id: callId }, data: { errorMessage: note } });
    await db.scheduledCall.updateMany({ where: { id: claimed.id, callId }, data: { errorMessage: note } });
    return "unknown";
  }

  return db.$transaction(async (tx) => {
    await tx.call.updateMany({ where: { id: callId, status: "INITIATED" }, data: { status: "FAILED", endedAt: settledAt, errorMessage: error.message } });
    await recordActivity(tx, {
      organizationId: claimed.organizationId,
      type: "CALL_FAILED",
      message: `Call to ${contact.name} failed: ${error.message}`,
      contactId: contact.id,
      callId,
      data: { kind: error.kind, providerStatus: error.status, providerCode: error.code, scheduledCallId: claimed.id },
    });
    const reason = `ElevenLabs: ${error.message}`;
    if (error.kind === "permanent") {
      await failScheduledCall(tx, { scheduledCallId: claimed.id, callId, reason, now: settledAt });
      return "failed" as const;
    }
    const retried = await retryOrFail(tx, { scheduledCallId: claimed.id, callId, kind: "provider", reason, retryAfterMs: error.retryAfterMs, now: settledAt });
    return retried.state === "retry" ? ("retry" as const) : ("failed" as const);
  });
}
