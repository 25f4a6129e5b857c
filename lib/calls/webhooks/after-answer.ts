import { runAfterResponse } from "@/lib/runtime/after-response";
import { recordCallEndedSoon } from "@/lib/calls/webhooks/record-call-ended";
import type { EndedCall } from "@/lib/calls/lifecycle/settle-call";
import type { CallEnd } from "@/lib/calls/webhooks/record-call-ended";
import { createFollowUpCallback, wantsFollowUp } from "@/lib/callbacks/create-follow-up-callback";

/** Under a burst of ends, a clinic's refills start at most this often (a dial slot waits that long at worst). */
const REFILL_GAP_MS = 100;

/** Clinics with a refill running in this process, and whether another call ended meanwhile. */
const refilling = new Map<string, { again: boolean }>();

/**
 * Refills a clinic's free dial slots once per burst: a refill already running for the clinic runs
 * once more when it finishes (REFILL_GAP_MS after it started) instead of a second one starting
 * beside it. A hundred webhooks ending at once would otherwise start a hundred dispatcher runs that
 * queue on the clinic's advisory lock, each holding a database connection the next webhook's write
 * is waiting for, and a steady stream would keep one running back to back. The claim is safe for
 * concurrent runs either way (other instances may refill too); this only drops redundant ones.
 */
/** Dials a clinic's next due calls into free lines: the dispatcher's refill, handed in by the route. */
export type Refill = (organizationId: string) => Promise<unknown>;

function refillSoon(organizationId: string, refill: Refill): void {
  const running = refilling.get(organizationId);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: false };
  refilling.set(organizationId, state);
  runAfterResponse("refill", async () => {
    try {
      for (;;) {
        state.again = false;
        const started = Date.now();
        await refill(organizationId);
        if (!state.again) break;
        await new Promise((resolve) => setTimeout(resolve, REFILL_GAP_MS - (Date.now() - started)));
      }
    } finally {
      refilling.delete(organizationId);
    }
  });
}

/**
 * What a webhook that ended a call sets off once its answer is sent: the feed entry, and a dial of
 * the clinic's next due call into the slot it freed. Separate tasks, so a failed feed write never
 * holds back the refill (each failure is logged by runAfterResponse).
 */
export function followUpCallEnded(outcome: { ended: EndedCall; end: CallEnd }, refill: Refill): void {
  const { ended, end } = outcome;
  recordCallEndedSoon(ended, end);
  // A patient who asked for a call back, or for a person: a callback "to confirm".
  if (end.kind !== "not_connected" && !ended.followUpMade && wantsFollowUp(end.outcome))
    runAfterResponse("follow-up callback", () => createFollowUpCallback(ended.organizationId, ended.id));
  // An inbound call took no line the dispatcher counts on; there is nothing to refill after it.
  if (end.kind !== "received") refillSoon(ended.organizationId, refill);
}
