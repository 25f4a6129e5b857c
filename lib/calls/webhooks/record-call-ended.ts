import { getDb } from "@/lib/db";
import { recordActivities, recordActivity, type ActivityInput } from "@/lib/activity/record-activity";
import { runAfterResponse } from "@/lib/runtime/after-response";
import type { EndedCall } from "@/lib/calls/lifecycle/settle-call";
import { createWriteBatcher } from "@/lib/prisma/write-batcher";

export type CallEnd =
  | { kind: "connected"; outcome: string | null; reportedOutcome: string | null; durationSeconds: number | null }
  /** A conversation Callboard did not dial (a patient calling in), recorded from its webhook. */
  | { kind: "received"; outcome: string | null; reportedOutcome: string | null; durationSeconds: number | null; patientNumber: string | null }
  | { kind: "not_connected"; reason: string };

/** The activity-feed entry for a call that ended. */
function activityOf(call: EndedCall, end: CallEnd): ActivityInput {
  if (end.kind === "received" || end.kind === "connected") {
    const word = end.reportedOutcome ?? end.outcome;
    // A call that came in names its caller (or their number); one we placed, the contact we called.
    const [type, phrase] =
      end.kind === "received"
        ? (["CALL_RECEIVED", `Call from ${call.contactName ?? end.patientNumber ?? "an unknown caller"}`] as const)
        : (["CALL_COMPLETED", `Call with ${call.contactName ?? "a deleted contact"}`] as const);
    return {
      organizationId: call.organizationId,
      type,
      message: word ? `${phrase} ended: ${word.replaceAll("_", " ")}` : `${phrase} ended`,
      contactId: call.contactId,
      callId: call.id,
      data: { outcome: end.outcome, durationSeconds: end.durationSeconds },
    };
  }
  return {
    organizationId: call.organizationId,
    type: "CALL_NOT_CONNECTED",
    message: `${call.contactName ?? "A deleted contact"} did not pick up (${end.reason})`,
    contactId: call.contactId,
    callId: call.id,
    data: { reason: end.reason },
  };
}

/** Writes the feed entry now (the sweeper's path, which answers nobody). */
export async function recordCallEnded(call: EndedCall, end: CallEnd): Promise<void> {
  await recordActivity(getDb(), activityOf(call, end));
}

// Entries of calls ending together share one INSERT (and one commit).
const writeActivityBatched = createWriteBatcher<ActivityInput, void>({
  maxBatch: 500,
  maxInFlight: 1,
  write: async (batch) => {
    await recordActivities(getDb(), batch);
    return batch.map(() => undefined);
  },
});

/**
 * Writes the feed entry after the webhook has answered, batched with the entries of the other calls
 * ending at the same moment: the feed is for people, and ElevenLabs' one delivery must not wait on
 * it, nor pay a commit per entry under load. (A crash in between loses the entry, never the call's
 * result.) Each request's after-work waits for its own entry, so the entry is written before the
 * function may be frozen.
 */
export function recordCallEndedSoon(call: EndedCall, end: CallEnd): void {
  const entry = activityOf(call, end);
  runAfterResponse("activity", () => writeActivityBatched(entry));
}
