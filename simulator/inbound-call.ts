import { requestConversationInit } from "@/simulator/conversation-init";
import { inboundCallRequestSchema, type InboundCallRequest } from "@/simulator/inbound-call-request";
import { buildInboundScript, type InboundOutcome } from "@/simulator/inbound-script";
import { choosePatientAsk } from "@/simulator/patient-ask";
import { endAnsweredCall } from "@/simulator/finish-call";
import { pickWeighted } from "@/simulator/prng";
import { DEFAULT_AGENT_NUMBER, newIds, type SimulatedCall } from "@/simulator/simulated-call";
import { addCall, nowSecs, type SimulatorState } from "@/simulator/simulator-state";
import { startAgentTools } from "@/simulator/start-agent-tools";

/** The line an inbound call rings when the config names none for the agent. */
export const DEFAULT_INBOUND_PHONE_NUMBER_ID = "phnum_simulated_line";

/** The clinic line that rings: the one named, else the one the agent answers, else a placeholder. */
function clinicLine(state: SimulatorState, agentId: string, phoneNumberId: string | undefined): { phoneNumberId: string; number: string } {
  const lines = state.config.phoneNumbers;
  if (phoneNumberId) return { phoneNumberId, number: lines[phoneNumberId]?.number ?? DEFAULT_AGENT_NUMBER };
  const assigned = Object.entries(lines).find(([, line]) => line.agentId === agentId);
  return assigned
    ? { phoneNumberId: assigned[0], number: assigned[1].number }
    : { phoneNumberId: DEFAULT_INBOUND_PHONE_NUMBER_ID, number: DEFAULT_AGENT_NUMBER };
}

function pickInboundOutcome(state: SimulatorState): InboundOutcome {
  const mix = state.config.outcomeMix;
  return pickWeighted(state.random, {
    appointment_booked: mix.appointment_booked,
    callback_scheduled: mix.callback_scheduled,
    resolved: mix.not_interested + mix.voicemail,
    escalated: mix.escalated ?? 0,
  });
}

/**
 * A patient calls the clinic, in ElevenLabs' order: (1) the conversation-initiation webhook to the
 * app with caller_id = the patient and called_number = the clinic's line, whose dynamic variables
 * greet the caller; (2) the call is picked up and the agent's tools run with the caller's number;
 * (3) after the call duration (or `advance()`) the signed post-call webhook, direction "inbound",
 * no user_id. Resolves once the call is picked up.
 */
export async function playInboundCall(state: SimulatorState, request: InboundCallRequest): Promise<SimulatedCall> {
  const { from, agentId, phoneNumberId, outcome: forced, name } = inboundCallRequestSchema.parse(request);
  const line = clinicLine(state, agentId, phoneNumberId);
  const ids = newIds();
  const tools = state.config.agentTools[agentId];
  const initiation = await requestConversationInit(
    tools,
    { caller_id: from, agent_id: agentId, called_number: line.number, call_sid: ids.callSid },
    state.settings.log,
  );

  const outcome = forced ?? pickInboundOutcome(state);
  const variables = initiation.dynamicVariables;
  const patientName = name ?? null;
  const ask = choosePatientAsk(state.random);
  const call: SimulatedCall = {
    ...ids,
    agentId,
    phoneNumberId: line.phoneNumberId,
    direction: "inbound",
    externalNumber: from,
    agentNumber: line.number,
    userId: null,
    patientName,
    initiation: { url: initiation.url, status: initiation.status, error: initiation.error },
    dynamicVariables: variables,
    status: "in-progress",
    startTimeUnixSecs: nowSecs(),
    plan: { kind: "answered", outcome, ask, script: buildInboundScript(variables, outcome, ask, patientName) },
  };
  addCall(state, call);
  startAgentTools(state, call, (tool) => buildInboundScript(variables, outcome, ask, patientName, tool));
  state.timeline.schedule(call, state.config.callDurationMs, () => endAnsweredCall(state, call));
  state.settings.log(`inbound call ${call.conversationId}: ${from} → ${line.number} (${agentId}), ${outcome}`);
  return call;
}
