import type { ServerResponse } from "node:http";
import { createCallTimeline, type CallTimeline } from "@/simulator/call-timeline";
import type { WebhookDelivery } from "@/simulator/deliver-webhook";
import type { FaultMode } from "@/simulator/faults";
import { pickConfig, simulatorConfigSchema, type SimulatorConfig, type SimulatorOptions } from "@/simulator/options";
import { mulberry32 } from "@/simulator/prng";
import type { SimulatedCall } from "@/simulator/simulated-call";
import type { RecordedRequest } from "@/simulator/simulator-types";

/** Everything one simulator instance knows; the route and call modules share it. */
export type SimulatorState = {
  readonly settings: SimulatorOptions;
  config: SimulatorConfig;
  readonly random: () => number;
  readonly requests: RecordedRequest[];
  readonly deliveries: WebhookDelivery[];
  readonly calls: SimulatedCall[];
  readonly callsById: Map<string, SimulatedCall>;
  readonly faults: FaultMode[];
  /** Faults for dials to one number (E.164), consumed before the shared queue: a test scripts who books. */
  readonly numberFaults: Map<string, FaultMode[]>;
  /** Ringing or talking: what the concurrency limit counts (a set, so load tests stay O(1) per dial). */
  readonly activeCalls: Set<SimulatedCall>;
  peakActiveCalls: number;
  /** Calls whose end (and webhook) is still to come: whenIdle() waits for none. */
  callsInFlight: number;
  idleWaiters: Array<() => void>;
  readonly heldResponses: Set<ServerResponse>;
  readonly timeline: CallTimeline;
  /** Bumped by reset(): work started before a reset must not write into the fresh state. */
  generation: number;
  /** Aborted by reset(): webhooks of cancelled calls are not sent late into the next test or demo. */
  deliveriesInFlight: AbortController;
};

export function createSimulatorState(settings: SimulatorOptions): SimulatorState {
  return {
    settings,
    config: simulatorConfigSchema.parse(pickConfig(settings)),
    random: mulberry32(settings.seed),
    requests: [],
    deliveries: [],
    calls: [],
    callsById: new Map(),
    faults: [],
    numberFaults: new Map(),
    activeCalls: new Set(),
    peakActiveCalls: 0,
    callsInFlight: 0,
    idleWaiters: [],
    heldResponses: new Set(),
    timeline: createCallTimeline(),
    generation: 0,
    deliveriesInFlight: new AbortController(),
  };
}

/** A call starts: listed, findable by conversation id, on the line, and awaited by whenIdle(). */
export function addCall(state: SimulatorState, call: SimulatedCall): void {
  state.calls.push(call);
  state.callsById.set(call.conversationId, call);
  state.activeCalls.add(call);
  state.peakActiveCalls = Math.max(state.peakActiveCalls, state.activeCalls.size);
  state.callsInFlight += 1;
}

/** A call's last webhook went out (or was given up): whenIdle() resolves when none is left. */
export function settleCall(state: SimulatorState): void {
  state.callsInFlight = Math.max(0, state.callsInFlight - 1);
  if (state.callsInFlight === 0) releaseIdleWaiters(state);
}

export function releaseIdleWaiters(state: SimulatorState): void {
  const waiters = state.idleWaiters;
  state.idleWaiters = [];
  for (const resolve of waiters) resolve();
}

/** Keeps a response open (a "hang" fault) until the client gives up or the simulator resets. */
export function holdResponse(state: SimulatorState, res: ServerResponse): void {
  state.heldResponses.add(res);
  res.on("close", () => state.heldResponses.delete(res));
}

/** Forgets requests, calls, deliveries and pending faults; cancels calls in flight. */
export function resetState(state: SimulatorState): void {
  state.generation += 1;
  state.deliveriesInFlight.abort();
  state.deliveriesInFlight = new AbortController();
  state.timeline.cancelAll();
  for (const res of state.heldResponses) res.destroy();
  state.requests.length = 0;
  state.deliveries.length = 0;
  state.calls.length = 0;
  state.callsById.clear();
  state.activeCalls.clear();
  state.peakActiveCalls = 0;
  state.faults.length = 0;
  state.numberFaults.clear();
  state.callsInFlight = 0;
  releaseIdleWaiters(state);
}

export function nowSecs(): number {
  return Math.floor(Date.now() / 1000);
}
