import { getDb } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record-activity";
import type { EndedCall } from "@/lib/calls/webhooks/write-call-result";

export type CallEnd =
  | { kind: "connected"; outcome: string | null; reportedOutcome: string | null; durationSeconds: number | null }
  | { kind: "not_connected"; reason: string };

/**
 * The activity-feed entry for a call that ended. Written after the webhook has answered: the feed is
 * for people, and ElevenLabs' one delivery must not wait on it. (A crash in between loses the entry,
 * never the call's result.)
 */
export async function recordCallEnded(call: EndedCall, end: CallEnd): Promise<void> {
  if (end.kind === "connected") {
    const word = end.reportedOutcome ?? end.outcome;
    const who = call.contactName ?? "a deleted contact";
    await recordActivity(getDb(), {
      organizationId: call.organizationId,
      type: "CALL_COMPLETED",
      message: word ? `Call with ${who} ended: ${word.replaceAll("_", " ")}` : `Call with ${who} ended`,
      contactId: call.contactId,
      callId: call.id,
      data: { outcome: end.outcome, durationSeconds: end.durationSeconds },
    });
    return;
  }
  await recordActivity(getDb(), {
    organizationId: call.organizationId,
    type: "CALL_NOT_CONNECTED",
    message: `${call.contactName ?? "A deleted contact"} did not pick up (${end.reason})`,
    contactId: call.contactId,
    callId: call.id,
    data: { reason: end.reason },
  });
}
