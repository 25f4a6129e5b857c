import { randomBytes } from "node:crypto";
import type { ClinicScript } from "@/simulator/clinic-script";
import type { InboundOutcome } from "@/simulator/inbound-script";
import type { CallOutcome, FailureReason } from "@/simulator/options";
import type { PatientAsk } from "@/simulator/patient-ask";

/** One dial the simulator accepted, from "initiated" to "done" or "failed". */
export type SimulatedCall = {
  conversationId: string;
  callSid: string;
  streamSid: string;
  agentId: string;
  phoneNumberId: string;
  /** Outbound: the clinic dialed the patient; inbound: the patient called the clinic. */
  direction: "outbound" | "inbound";
  /** The patient's number: the one dialed (outbound) or the caller's (inbound); `external_number`. */
  externalNumber: string;
  /** The clinic's line the agent rings from or answers on; `agent_number`. */
  agentNumber: string;
  /** The dial's user_id (Callboard's attempt id); an inbound call has none. */
  userId: string | null;
  /** Inbound: the name the caller gives when the clinic does not know them. */
  patientName?: string | null;
  /** Inbound: how the conversation-initiation webhook went (null status: not reached or not sent). */
  initiation?: { url: string | null; status: number | null; error: string | null };
  dynamicVariables: Record<string, unknown>;
  status: "initiated" | "in-progress" | "processing" | "done" | "failed";
  startTimeUnixSecs: number;
  /** What the call will turn into; decided when it is dialed. */
  plan: { kind: "answered"; outcome: CallOutcome | InboundOutcome; ask: PatientAsk; script: ClinicScript } | { kind: "failed"; reason: FailureReason };
  /** The agent's server-tool calls on the app, under way while the call is connected. */
  toolRun?: Promise<void>;
};

/** The clinic line of a phone-number id the simulator was not told about (`phoneNumbers` in its config). */
export const DEFAULT_AGENT_NUMBER = "+15005550006";

// Ids come from crypto, not from the seeded PRNG: a replayed seed must not reuse conversation ids
// that a local database already holds under a unique constraint.
export function newIds(): Pick<SimulatedCall, "conversationId" | "callSid" | "streamSid"> {
  const base32 = "0123456789abcdefghjkmnpqrstvwxyz";
  const conversationId = `conv_${Array.from(randomBytes(28), (byte) => base32[byte % 32]).join("")}`;
  return { conversationId, callSid: `CA${randomBytes(16).toString("hex")}`, streamSid: `MZ${randomBytes(16).toString("hex")}` };
}

const isFinished = (call: SimulatedCall) => call.status === "done" || call.status === "failed";

/** `GET /v1/convai/conversations/{id}` — every field the official SDK requires is present. */
export function conversationResponse(call: SimulatedCall) {
  // Transcript, analysis and audio exist only once an answered call is done.
  const answered = call.status === "done" && call.plan.kind === "answered" ? call.plan : null;
  return {
    agent_id: call.agentId,
    agent_name: "Callboard Simulator",
    conversation_id: call.conversationId,
    status: call.status,
    user_id: call.userId,
    transcript: answered ? answered.script.transcript : [],
    metadata: {
      start_time_unix_secs: call.startTimeUnixSecs,
      accepted_time_unix_secs: call.status === "initiated" || call.plan.kind === "failed" ? null : call.startTimeUnixSecs,
      call_duration_secs: answered ? answered.script.durationSecs : 0,
      cost: answered ? answered.script.durationSecs * 10 : 0,
      termination_reason: terminationReason(call),
      main_language: /^hi\b/i.test(String(call.dynamicVariables?.language ?? "")) ? "hi" : "en",
      text_only: false,
      phone_call: {
        direction: call.direction,
        phone_number_id: call.phoneNumberId,
        agent_number: call.agentNumber,
        external_number: call.externalNumber,
        type: "twilio",
        stream_sid: call.streamSid,
        call_sid: call.callSid,
      },
    },
    analysis: answered
      ? {
          call_successful: answered.script.callSuccessful,
          transcript_summary: answered.script.summary,
          call_summary_title: answered.script.title,
          evaluation_criteria_results: {},
          data_collection_results: {
            call_outcome: {
              data_collection_id: "call_outcome",
              value: answered.script.outcome ?? answered.outcome,
              rationale: answered.script.rationale,
            },
          },
        }
      : null,
    conversation_initiation_client_data: {
      user_id: call.userId,
      dynamic_variables: call.dynamicVariables,
    },
    has_audio: answered !== null,
    has_user_audio: answered !== null,
    has_response_audio: answered !== null,
    has_auxiliary_audio: false,
  };
}

/** One item of `GET /v1/convai/conversations`. */
export function conversationSummary(call: SimulatedCall) {
  const full = conversationResponse(call);
  return {
    agent_id: call.agentId,
    agent_name: full.agent_name,
    conversation_id: call.conversationId,
    start_time_unix_secs: call.startTimeUnixSecs,
    call_duration_secs: full.metadata.call_duration_secs,
    message_count: full.transcript.length,
    status: call.status,
    call_successful: full.analysis?.call_successful ?? "unknown",
    transcript_summary: full.analysis?.transcript_summary ?? null,
    call_summary_title: full.analysis?.call_summary_title ?? null,
    direction: call.direction,
    termination_reason: full.metadata.termination_reason,
  };
}

export function transcriptionEvent(call: SimulatedCall, eventTimestamp: number) {
  return { type: "post_call_transcription", event_timestamp: eventTimestamp, data: conversationResponse(call) };
}

/** Shaped like ElevenLabs' event: the Twilio status callback rides along in `metadata.body`. */
export function initiationFailureEvent(call: SimulatedCall, reason: FailureReason, eventTimestamp: number) {
  return {
    type: "call_initiation_failure",
    event_timestamp: eventTimestamp,
    data: {
      agent_id: call.agentId,
      conversation_id: call.conversationId,
      failure_reason: reason,
      metadata: {
        type: "twilio",
        body: {
          CallSid: call.callSid,
          CallStatus: reason,
          Direction: "outbound-api",
          From: call.agentNumber,
          To: call.externalNumber,
        },
      },
    },
  };
}

function terminationReason(call: SimulatedCall): string {
  if (!isFinished(call)) return "";
  if (call.plan.kind === "failed") return `Call failed: ${call.plan.reason}`;
  return call.plan.script.terminationReason;
}
