import type { OutboundCallRequest } from "@/lib/elevenlabs/outbound-call-schemas";
import { buildClinicScript, type ClinicScript } from "@/simulator/clinic-script";
import type { FaultMode } from "@/simulator/faults";
import { endAnsweredCall, finishCall } from "@/simulator/finish-call";
import { CALL_OUTCOMES, FAILURE_REASONS, type CallOutcome, type FailureReason } from "@/simulator/options";
import { choosePatientAsk, type PatientAsk } from "@/simulator/patient-ask";
import { speaksHindi } from "@/simulator/hindi-clinic-script";
import { hashText, mulberry32, pickWeighted } from "@/simulator/prng";
import { DEFAULT_AGENT_NUMBER, initiationFailureEvent, newIds, type SimulatedCall } from "@/simulator/simulated-call";
import { addCall, nowSecs, type SimulatorState } from "@/simulator/simulator-state";
import { startAgentTools } from "@/simulator/start-agent-tools";

/** A dial whose behaviour came from its number's own script (`scriptNumber`), with how many entries are left. */
export type ScriptedDial = { toNumber: string; left: number };

/** A call fault decides the call; otherwise the configured failure rate and outcome mix do. */
type OutboundPlan = { kind: "answered"; outcome: CallOutcome; ask: PatientAsk; script: ClinicScript } | { kind: "failed"; reason: FailureReason };

function planCall(state: SimulatorState, fault: FaultMode | undefined, scripted: ScriptedDial | null, variables: Record<string, unknown>): OutboundPlan {
  const { config, random } = state;
  if ((FAILURE_REASONS as readonly string[]).includes(fault ?? "")) return { kind: "failed", reason: fault as FailureReason };
  let outcome = (CALL_OUTCOMES as readonly string[]).includes(fault ?? "") ? (fault as CallOutcome) : null;
  if (outcome === null) {
    if (random() < config.failureRate) return { kind: "failed", reason: pickWeighted(random, config.failureMix) };
    // Escalations are opt-in (absent from a mix means never).
    outcome = pickWeighted(random, { ...config.outcomeMix, escalated: config.outcomeMix.escalated ?? 0 });
  }
  // A scripted patient's words depend on the patient and the call, not on what else was dialed before.
  const ask = choosePatientAsk(
    scripted ? mulberry32(hashText(`${state.settings.seed}:${scripted.toNumber}:${scripted.left}`)) : random,
    speaksHindi(variables),
  );
  return { kind: "answered", outcome, ask, script: buildClinicScript(variables, outcome, ask) };
}

/**
 * An accepted dial becomes a call: it rings for the first quarter of the call duration, then fails
 * (`call_initiation_failure`) or connects (the agent's tools run) and ends with the transcription.
 */
export function placeOutboundCall(
  state: SimulatorState,
  body: OutboundCallRequest,
  fault: FaultMode | undefined,
  scripted: ScriptedDial | null = null,
): SimulatedCall {
  const clientData = body.conversation_initiation_client_data;
  const dynamicVariables = clientData?.dynamic_variables ?? {};
  const plan = planCall(state, fault, scripted, dynamicVariables);
  const call: SimulatedCall = {
    ...newIds(),
    agentId: body.agent_id,
    phoneNumberId: body.agent_phone_number_id,
    direction: "outbound",
    externalNumber: body.to_number,
    agentNumber: state.config.phoneNumbers[body.agent_phone_number_id]?.number ?? DEFAULT_AGENT_NUMBER,
    userId: clientData?.user_id ?? null,
    dynamicVariables,
    status: "initiated",
    startTimeUnixSecs: nowSecs(),
    plan,
  };
  addCall(state, call);

  const { callDurationMs } = state.config;
  state.timeline.schedule(call, Math.round(callDurationMs / 4), () => {
    if (plan.kind === "failed") {
      call.status = "failed";
      state.activeCalls.delete(call);
      void finishCall(state, call, initiationFailureEvent(call, plan.reason, nowSecs()));
    } else {
      call.status = "in-progress";
      startAgentTools(state, call, (tool) => buildClinicScript(call.dynamicVariables, plan.outcome, plan.ask, tool));
    }
  });
  if (plan.kind === "answered") state.timeline.schedule(call, callDurationMs, () => endAnsweredCall(state, call));
  return call;
}
