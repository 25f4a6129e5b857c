// Plays a planned history through the product, under the virtual clock: staff actions through the same
// domain functions the routes call, due calls through the dispatcher, every call through the ElevenLabs
// simulator, and everything the simulator sends (the signed post-call webhook, conversation-init, the agent's
// tools) through the app's own route handlers over HTTP. Nothing of a call is written here.
import { getDb } from "@/lib/db";
import { placeCall } from "@/lib/calls/place-call";
import { runDispatcher } from "@/lib/dispatch/run-dispatcher";
import { createElevenLabsClient } from "@/lib/elevenlabs/client";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { scheduleCalls } from "@/lib/scheduling/schedule-calls";
import type { Simulator } from "@/simulator/create-simulator";
import type { HistoryEvent } from "./plan-history";
import type { VirtualClock } from "./virtual-clock";

export interface PlayedClinic {
  organizationId: string;
  agentId: string;
  /** Who scheduled the batches, and who pressed "Call now". */
  adminUserId: string;
  staffUserId: string;
}

export type ClinicEvent = HistoryEvent & { clinic: PlayedClinic };

/** How long a simulated call's steps (ringing, talking) take on the virtual clock. */
const CALL_STEP_MS = 25_000;
const DISPATCH_BUDGET_MS = 30_000;

/** When each clinic's next pending call is due, after `after` (a clinic with none is left out). */
async function nextDue(organizationIds: string[], after: number): Promise<Map<string, number>> {
  const rows = await getDb().$queryRaw<Array<{ organizationId: string; due: Date }>>`
    SELECT "organizationId", min(coalesce("nextAttemptAt", "scheduledTime")) AS "due" FROM "ScheduledCall"
     WHERE "organizationId" = ANY(${organizationIds}::text[]) AND "status" = 'PENDING'
       AND coalesce("nextAttemptAt", "scheduledTime") > ${new Date(after)}::timestamptz
     GROUP BY "organizationId"`;
  return new Map(rows.map((row) => [row.organizationId, row.due.getTime()]));
}

/**
 * Runs every simulated call in flight to its end, one call after another in the order they were dialed:
 * ringing, talking (the agent's tools run), the webhook; then the work the webhook's answer set off (feed
 * entry, follow-ups, the refill's dials), until nothing is left. One at a time, so two patients dialed at the
 * same minute never race for the same appointment slot: the second hears the next free time, whichever it is.
 */
async function finishCalls(simulator: Simulator, clock: VirtualClock): Promise<void> {
  for (let round = 0; round < 1_000; round++) {
    const call = simulator.calls.find((candidate) => !simulator.deliveries.some((delivery) => delivery.conversationId === candidate.conversationId));
    if (!call) return;
    while (simulator.advance(call.conversationId) > 0) {
      clock.advanceBy(CALL_STEP_MS);
      await call.toolRun;
    }
    while (!simulator.deliveries.some((delivery) => delivery.conversationId === call.conversationId)) await new Promise((resolve) => setTimeout(resolve, 1));
    await settledAfterResponse();
  }
  throw new Error("Simulated calls did not end.");
}

async function play(event: ClinicEvent, simulator: Simulator, log: (line: string) => void): Promise<void> {
  const { clinic } = event;
  try {
    if (event.kind === "batch") {
      await scheduleCalls(
        { organizationId: clinic.organizationId, userId: clinic.adminUserId },
        { contactIds: event.contactIds, scheduledTime: new Date(event.start).toISOString(), staggerMinutes: event.staggerMinutes, name: event.name },
      );
    } else if (event.kind === "call_now") {
      await placeCall({ organizationId: clinic.organizationId, userId: clinic.staffUserId }, { contactId: event.contactId });
    } else {
      await simulator.playInbound({ from: event.from, agentId: clinic.agentId, outcome: event.outcome, ...(event.name ? { name: event.name } : {}) });
    }
  } catch (error) {
    // The product said no (a rule staff would have met too): the history goes on without it.
    log(`${event.kind} at ${new Date(event.at).toISOString()} not played: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Walks the virtual clock from event to event up to `until`: each planned event at its instant, and the
 * dispatcher whenever a pending call (a batch's, a retry, a call-back the agent scheduled) falls due.
 */
export async function playHistory(
  events: ClinicEvent[],
  options: { simulator: Simulator; clock: VirtualClock; until: number; log: (line: string) => void },
): Promise<void> {
  const { simulator, clock, until, log } = options;
  const organizationIds = [...new Set(events.map((event) => event.clinic.organizationId))];
  const client = createElevenLabsClient();
  let next = 0;
  let dispatchedAt = 0;
  for (;;) {
    const eventAt = events[next]?.at ?? Infinity;
    const due = await nextDue(organizationIds, dispatchedAt);
    const dueAt = Math.min(...due.values());
    const at = Math.min(eventAt, dueAt);
    if (at > until) break;
    clock.advanceTo(at);
    if (dueAt <= eventAt) {
      dispatchedAt = dueAt;
      // The clinics with a call due now; the others' due calls wait for their own instant.
      for (const [organizationId, at] of due) if (at === dueAt) await runDispatcher({ client, budgetMs: DISPATCH_BUDGET_MS, parallelism: 1, organizationId });
    } else {
      await play(events[next++]!, simulator, log);
    }
    await finishCalls(simulator, clock);
  }
}
