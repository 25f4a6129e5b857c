import { deliverWebhook } from "@/simulator/deliver-webhook";
import { transcriptionEvent, type SimulatedCall } from "@/simulator/simulated-call";
import { nowSecs, settleCall, type SimulatorState } from "@/simulator/simulator-state";

/**
 * A call is over: its webhook (post-call transcription or initiation failure) goes to the app once,
 * signed, and the call stops counting as in flight. Nothing is recorded after a reset.
 */
export async function finishCall(state: SimulatorState, call: SimulatedCall, event: Parameters<typeof deliverWebhook>[0]["event"]): Promise<void> {
  const startedIn = state.generation;
  try {
    const { webhookUrl, webhookSecret } = state.config;
    if (!webhookUrl) return;
    const delivery = await deliverWebhook({ url: webhookUrl, secret: webhookSecret, event, signal: state.deliveriesInFlight.signal });
    if (startedIn !== state.generation) return;
    state.deliveries.push(delivery);
    if (delivery.error) state.settings.log(`webhook ${event.type} for ${call.conversationId} not delivered: ${delivery.error}`);
  } finally {
    if (startedIn === state.generation) settleCall(state);
  }
}

/** An answered call ends once the agent has its tools' answers (it would not hang up mid-booking). */
export function endAnsweredCall(state: SimulatorState, call: SimulatedCall): void {
  const end = () => {
    call.status = "done";
    state.activeCalls.delete(call);
    void finishCall(state, call, transcriptionEvent(call, nowSecs()));
  };
  if (call.toolRun) void call.toolRun.finally(end);
  else end();
}
