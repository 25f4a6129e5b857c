import type { DbClient } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record-activity";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";
import { nextAttemptTime, type RetryKind } from "@/lib/calls/lifecycle/retry-policy";
import { advanceSequenceOfStep } from "@/lib/scheduling/advance-sequence";

export interface RetryInput {
  scheduledCallId: string;
  /** The attempt (Call) this is about; a late event of an older attempt changes nothing. Null before any Call row. */
  callId: string | null;
  kind: RetryKind;
  /** In plain words, kept as the row's errorMessage. */
  reason: string;
  retryAfterMs?: number | null;
  now: Date;
}

export type RetryOutcome = { state: "retry"; nextAttemptAt: Date } | { state: "failed" } | { state: "unchanged" };

/**
 * An attempt that did not reach the patient: back to PENDING at the next attempt time (backoff,
 * moved into calling hours) while attempts remain, else FAILED with the reason. Conditional on the
 * row still being IN_PROGRESS on this attempt, so duplicate or concurrent events change it once.
 */
export async function retryOrFail(db: DbClient, input: RetryInput): Promise<RetryOutcome> {
  const row = await db.scheduledCall.findUnique({
    where: { id: input.scheduledCallId },
    select: {
      status: true,
      callId: true,
      attempts: true,
      maxAttempts: true,
      organizationId: true,
      contactId: true,
      contact: { select: { name: true, timezone: true, phoneNumber: true } },
      organization: { select: { timezone: true, defaultCountry: true, callingDays: true, callingWindowStart: true, callingWindowEnd: true } },
    },
  });
  if (!row || row.status !== "IN_PROGRESS" || (input.callId !== null && row.callId !== input.callId)) return { state: "unchanged" };

  const guard = {
    id: input.scheduledCallId,
    status: "IN_PROGRESS" as const,
    attempts: row.attempts,
    ...(input.callId !== null ? { callId: input.callId } : {}),
  };
  const zone = recipientTimeZone(row.contact, row.organization.timezone).zone;
  const next =
    row.attempts < row.maxAttempts ? nextAttemptTime(input.now, input.kind, row.attempts, row.organization, zone, { retryAfterMs: input.retryAfterMs }) : null;
  const who = row.contact.name;

  if (next) {
    const { count } = await db.scheduledCall.updateMany({
      where: guard,
      data: { status: "PENDING", nextAttemptAt: next, lockedUntil: null, lockedBy: null, dialStartedAt: null, errorMessage: input.reason },
    });
    if (count === 0) return { state: "unchanged" };
    await recordActivity(db, {
      organizationId: row.organizationId,
      type: "CALL_RETRY_SCHEDULED",
      message: `Will call ${who} again (attempt ${row.attempts + 1} of ${row.maxAttempts}): ${input.reason}`,
      contactId: row.contactId,
      callId: input.callId,
      data: { scheduledCallId: input.scheduledCallId, nextAttemptAt: next.toISOString(), kind: input.kind },
    });
    return { state: "retry", nextAttemptAt: next };
  }

  const why =
    row.attempts >= row.maxAttempts
      ? `${input.reason}. No attempts left (${row.attempts} of ${row.maxAttempts}).`
      : `${input.reason}. No calling hours left to try again in.`;
  const { count } = await db.scheduledCall.updateMany({
    where: guard,
    data: { status: "FAILED", executedAt: input.now, lockedUntil: null, lockedBy: null, errorMessage: why },
  });
  if (count === 0) return { state: "unchanged" };
  await recordActivity(db, {
    organizationId: row.organizationId,
    type: "SCHEDULED_CALL_FAILED",
    message: `Gave up calling ${who}: ${why}`,
    contactId: row.contactId,
    callId: input.callId,
    data: { scheduledCallId: input.scheduledCallId },
  });
  // Attempts exhausted on a sequence's step: the next patient's turn.
  await advanceSequenceOfStep(db, input.scheduledCallId, input.now);
  return { state: "failed" };
}

/** An attempt refused for good (bad number, unknown agent): FAILED at once, whatever attempts remain. */
export async function failScheduledCall(db: DbClient, input: { scheduledCallId: string; callId: string | null; reason: string; now: Date }): Promise<boolean> {
  const { count } = await db.scheduledCall.updateMany({
    where: { id: input.scheduledCallId, status: "IN_PROGRESS", ...(input.callId !== null ? { callId: input.callId } : {}) },
    data: { status: "FAILED", executedAt: input.now, lockedUntil: null, lockedBy: null, errorMessage: input.reason },
  });
  if (count === 1) await advanceSequenceOfStep(db, input.scheduledCallId, input.now);
  return count === 1;
}
