import { runAfterResponse } from "@/lib/dispatch/after-response";
import { refillOrganization } from "@/lib/dispatch/dispatch-now";
import { recordCallEnded } from "@/lib/calls/webhooks/record-call-ended";
import type { EndedCall } from "@/lib/calls/webhooks/write-call-result";
import type { CallEnd } from "@/lib/calls/webhooks/record-call-ended";

/**
 * What a webhook that ended a call sets off once its answer is sent: the feed entry, and a dial of
 * the clinic's next due call into the slot it freed. Two tasks, so a failed feed write never holds
 * back the refill (each failure is logged by runAfterResponse).
 */
export function followUpCallEnded(outcome: { ended: EndedCall; end: CallEnd }): void {
  const { ended, end } = outcome;
  runAfterResponse("activity", () => recordCallEnded(ended, end));
  runAfterResponse("refill", () => refillOrganization(ended.organizationId));
}
