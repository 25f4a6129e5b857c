import { describe, expect, it } from "vitest";
import { parseWebhookPayload } from "@/lib/elevenlabs/webhook-payloads";

// The documented example (ELEVENLABS.md), plus fields ElevenLabs may add later.
const transcription = {
  type: "post_call_transcription",
  event_timestamp: 1739537297,
  data: {
    agent_id: "agent_1",
    conversation_id: "conv_1",
    status: "done",
    some_future_field: { nested: true },
    transcript: [
      { role: "agent", message: "Hi Jane…", time_in_call_secs: 0 },
      { role: "agent", message: null, time_in_call_secs: 3, tool_calls: [{ tool_name: "book" }] },
      { role: "user", message: "Yes, 2pm works", time_in_call_secs: 7 },
    ],
    metadata: {
      start_time_unix_secs: 1739537297,
      call_duration_secs: 22,
      termination_reason: "",
      phone_call: {
        direction: "outbound",
        phone_number_id: "phnum_1",
        agent_number: "+15005550006",
        external_number: "+61412345678",
        type: "twilio",
        call_sid: "CA1",
      },
    },
    analysis: {
      call_successful: "success",
      transcript_summary: "Caller booked…",
      call_summary_title: "Booking",
      evaluation_criteria_results: {},
      data_collection_results: { call_outcome: { data_collection_id: "call_outcome", value: "appointment_booked", rationale: "…" } },
    },
    conversation_initiation_client_data: { user_id: "att_1", dynamic_variables: { contact_name: "Jane Doe" } },
  },
};

const without = (object: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));

describe("parseWebhookPayload", () => {
  it("normalizes post_call_transcription", () => {
    const result = parseWebhookPayload(transcription);
    expect(result).toEqual({
      ok: true,
      event: expect.objectContaining({
        type: "post_call_transcription",
        eventTimestamp: 1739537297,
        conversationId: "conv_1",
        agentId: "agent_1",
        status: "done",
        userId: "att_1",
        startedAt: new Date(1739537297 * 1000),
        durationSeconds: 22,
        terminationReason: null,
        callSid: "CA1",
        toNumber: "+61412345678",
        transcript: [
          { role: "agent", message: "Hi Jane…", timeInCallSecs: 0 },
          { role: "user", message: "Yes, 2pm works", timeInCallSecs: 7 },
        ],
        summary: "Caller booked…",
        summaryTitle: "Booking",
        outcome: "appointment_booked",
        callSuccessful: "success",
        dynamicVariables: { contact_name: "Jane Doe" },
      }),
    });
  });

  it("accepts a transcription without analysis or client data (e.g. analysis disabled)", () => {
    const data = without(without(transcription.data, "analysis"), "conversation_initiation_client_data");
    const result = parseWebhookPayload({ ...transcription, data });
    expect(result.ok && result.event.type === "post_call_transcription" && result.event).toMatchObject({
      outcome: null,
      summary: null,
      userId: null,
      dynamicVariables: {},
    });
  });

  it("keeps durations as whole seconds, and drops one no integer column can hold (instead of failing the write)", () => {
    const duration = (secs: number) => {
      const result = parseWebhookPayload({
        ...transcription,
        data: { ...transcription.data, metadata: { ...transcription.data.metadata, call_duration_secs: secs } },
      });
      return result.ok && result.event.type === "post_call_transcription" ? result.event.durationSeconds : "not parsed";
    };
    expect(duration(22.6)).toBe(23);
    expect(duration(0)).toBe(0);
    expect(duration(-4)).toBeNull();
    expect(duration(3e9)).toBeNull();
    const legacy = parseWebhookPayload({ call_id: "c1", duration_seconds: 41.2 });
    expect(legacy.ok && legacy.event.type === "legacy_call" && legacy.event.durationSeconds).toBe(41);
  });

  it("rejects a transcription without a conversation id, saying where", () => {
    const result = parseWebhookPayload({ ...transcription, data: without(transcription.data, "conversation_id") });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/post_call_transcription.*data\.conversation_id/);
  });

  it("normalizes call_initiation_failure", () => {
    const result = parseWebhookPayload({
      type: "call_initiation_failure",
      event_timestamp: 1759931652,
      data: {
        agent_id: "agent_1",
        conversation_id: "conv_2",
        failure_reason: "busy",
        metadata: { type: "twilio", body: { CallSid: "CA2", CallStatus: "busy", To: "+447700900123" } },
      },
    });
    expect(result).toEqual({
      ok: true,
      event: {
        type: "call_initiation_failure",
        eventTimestamp: 1759931652,
        conversationId: "conv_2",
        agentId: "agent_1",
        failureReason: "busy",
        callSid: "CA2",
        userId: null,
      },
    });
  });

  it("reads a failure without metadata and with an unknown reason", () => {
    const result = parseWebhookPayload({
      type: "call_initiation_failure",
      event_timestamp: 1,
      data: { agent_id: "a", conversation_id: "c", failure_reason: null, conversation_initiation_client_data: { user_id: "att_9" } },
    });
    expect(result.ok && result.event).toMatchObject({ failureReason: "unknown", callSid: null, userId: "att_9" });
  });

  it("acknowledges post_call_audio without keeping the audio", () => {
    const result = parseWebhookPayload({
      type: "post_call_audio",
      event_timestamp: 5,
      data: { agent_id: "agent_1", conversation_id: "conv_3", full_audio: "SUQzBAAAAAAA".repeat(1000) },
    });
    expect(result).toEqual({ ok: true, event: { type: "post_call_audio", eventTimestamp: 5, conversationId: "conv_3", agentId: "agent_1" } });
  });

  it("normalizes the flat legacy payload", () => {
    const result = parseWebhookPayload({
      call_id: "call_42",
      agent_id: "agent_1",
      started_at: "2026-11-22T03:00:00Z",
      ended_at: "2026-11-22T03:01:30+00:00",
      duration_seconds: 90,
      from_number: "+15005550006",
      to_number: "+61412345678",
      transcript: "Agent: Hi\nPatient: Hello",
      analysis: { call_outcome: "escalated", summary: "Wants a dentist" },
      clinic_ref: "extra field",
    });
    expect(result).toEqual({
      ok: true,
      event: {
        type: "legacy_call",
        callId: "call_42",
        agentId: "agent_1",
        startedAt: new Date("2026-11-22T03:00:00Z"),
        endedAt: new Date("2026-11-22T03:01:30Z"),
        durationSeconds: 90,
        fromNumber: "+15005550006",
        toNumber: "+61412345678",
        transcript: "Agent: Hi\nPatient: Hello",
        outcome: "escalated",
        summary: "Wants a dentist",
      },
    });
  });

  it("reads legacy times as unix seconds or offset-less ISO (as UTC), derives a missing duration, and accepts a turn list", () => {
    const result = parseWebhookPayload({
      call_id: "call_43",
      started_at: 1795316400,
      ended_at: "2026-11-22T03:01:00",
      transcript: [
        { role: "agent", message: "Hi" },
        { role: "user", message: "Hello", time_in_call_secs: 2 },
      ],
    });
    expect(result.ok && result.event).toMatchObject({
      type: "legacy_call",
      startedAt: new Date(1795316400 * 1000),
      endedAt: new Date("2026-11-22T03:01:00Z"),
      durationSeconds: 60,
      transcript: [
        { role: "agent", message: "Hi", timeInCallSecs: 0 },
        { role: "user", message: "Hello", timeInCallSecs: 2 },
      ],
      outcome: null,
      agentId: null,
    });
  });

  it("does not guess at dates in other formats", () => {
    const result = parseWebhookPayload({ call_id: "c", started_at: "22/11/2026 3pm" });
    expect(result.ok && result.event).toMatchObject({ startedAt: null });
  });

  it("passes other event types through as unsupported, so they can be acknowledged", () => {
    expect(parseWebhookPayload({ type: "conversation_started", data: {} })).toEqual({
      ok: true,
      event: { type: "unsupported", eventType: "conversation_started" },
    });
  });

  it.each([null, "text", 42, [], {}, { data: {} }])("rejects %j", (body) => {
    expect(parseWebhookPayload(body).ok).toBe(false);
  });
});
