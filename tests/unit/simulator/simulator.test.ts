import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { simulatorOptionsFromEnv } from "@/simulator/options";
import { mulberry32, pickWeighted } from "@/simulator/prng";
import { parseWebhookPayload } from "@/lib/elevenlabs/webhook-payloads";
import { verifyElevenLabsSignature } from "@/lib/elevenlabs/webhook-signature";
import { startWebhookReceiver } from "../elevenlabs/helpers/webhook-receiver";

const SECRET = "wsec_simulator_test";
const dialBody = (overrides: Record<string, unknown> = {}) => ({
  agent_id: "agent_1",
  agent_phone_number_id: "phnum_1",
  to_number: "+61412345678",
  conversation_initiation_client_data: {
    user_id: "att_1",
    dynamic_variables: { contact_name: "Jane Doe", greeting: "Good afternoon", clinic_name: "Harbour Dental" },
  },
  ...overrides,
});

let simulator: Simulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  simulator = await createSimulator({ seed: 42, latencyMs: 0, failureRate: 0, webhookUrl: receiver.url, webhookSecret: SECRET });
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});
beforeEach(() => {
  simulator.reset();
  // Calls only end when a test drives them (finishCalls / advance): nothing arrives late, however busy the machine.
  simulator.configure({ callDurationMs: 60_000, failureRate: 0, concurrencyLimit: 10, webhookUrl: receiver.url, webhookSecret: SECRET });
  receiver.received.length = 0;
});

async function finishCalls() {
  while (simulator.advance() > 0);
  await simulator.whenIdle();
}

async function api(path: string, init: { method?: string; body?: unknown; key?: string | null } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.key !== null) headers["xi-api-key"] = init.key ?? "any-key";
  const response = await fetch(simulator.url + path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const dial = (body: unknown = dialBody()) => api("/v1/convai/twilio/outbound-call", { body });
const startCall = async () => (await dial()).body as { conversation_id: string; callSid: string };
const statusOf = async (conversationId: string) => ((await api(`/v1/convai/conversations/${conversationId}`)).body as { status: string }).status;
const without = (object: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));

describe("outbound-call endpoint", () => {
  it("answers 200 in the documented shape", async () => {
    const { status, body } = await dial();
    expect(status).toBe(200);
    expect(body).toEqual({ success: true, message: "Success", conversation_id: expect.stringMatching(/^conv_/), callSid: expect.stringMatching(/^CA/) });
  });

  it.each([null, ""])("answers 401 without an API key (%j)", async (key) => {
    const { status, body } = await api("/v1/convai/twilio/outbound-call", { body: dialBody(), key });
    expect(status).toBe(401);
    expect(body).toMatchObject({ detail: { status: "invalid_api_key" } });
    expect(simulator.calls).toHaveLength(0);
  });

  it("answers 422 with FastAPI's detail list for a missing field", async () => {
    const response = await dial(without(dialBody(), "agent_phone_number_id"));
    expect(response.status).toBe(422);
    expect(response.body).toEqual({ detail: [{ type: "missing", loc: ["body", "agent_phone_number_id"], msg: "Field required" }] });
  });

  it.each(["0412345678", "+0412345678", "+61 412 345 678", "+1"])("answers 422 for the non-E.164 number %j", async (toNumber) => {
    const response = await dial(dialBody({ to_number: toNumber }));
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ detail: [{ loc: ["body", "to_number"], type: "value_error", msg: expect.stringMatching(/E\.164/) }] });
  });

  it("answers 422 for a body that is not JSON, and 404/405 like FastAPI", async () => {
    expect((await dial("{not json")).body).toMatchObject({ detail: [{ type: "json_invalid", loc: ["body", 0] }] });
    expect(await api("/v1/convai/nope")).toEqual({ status: 404, body: { detail: "Not Found" } });
    expect((await api("/v1/convai/twilio/outbound-call")).status).toBe(405);
  });

  it("answers 413 for an oversized body", async () => {
    const response = await dial(JSON.stringify({ padding: "x".repeat(1_100_000) }));
    expect(response.status).toBe(413);
  });

  it("answers 429 concurrent_limit_exceeded once the limit of calls is in flight, and accepts again when they end", async () => {
    simulator.configure({ concurrencyLimit: 2 });
    expect((await dial()).status).toBe(200);
    expect((await dial()).status).toBe(200);
    const refused = await dial();
    expect(refused).toEqual({ status: 429, body: { detail: { status: "concurrent_limit_exceeded", message: expect.stringMatching(/allows 2 at once/) } } });
    expect(simulator.calls).toHaveLength(2);
    await finishCalls();
    expect((await dial()).status).toBe(200);
  });

  it("records every request so tests can count dials per number", async () => {
    await dial();
    await dial(dialBody({ to_number: "+61400000001" }));
    await dial("{bad");
    await api("/v1/convai/conversations");
    expect(simulator.dialsTo("+61412345678")).toBe(1);
    expect(simulator.dialsTo("+61400000001")).toBe(1);
    expect(simulator.requests.map((request) => [request.method, request.path, request.status])).toEqual([
      ["POST", "/v1/convai/twilio/outbound-call", 200],
      ["POST", "/v1/convai/twilio/outbound-call", 200],
      ["POST", "/v1/convai/twilio/outbound-call", 422],
      ["GET", "/v1/convai/conversations", 200],
    ]);
    expect(simulator.requests[2]?.body).toBe("{bad");
  });
});

describe("simulated calls", () => {
  it("progresses initiated → in-progress → done and then posts a signed post_call_transcription", async () => {
    simulator.injectFault("appointment_booked");
    const started = await startCall();
    const statusNow = () => statusOf(started.conversation_id);

    expect(await statusNow()).toBe("initiated");
    expect(simulator.advance()).toBe(1);
    expect(await statusNow()).toBe("in-progress");
    expect(receiver.received).toHaveLength(0);
    expect(simulator.advance()).toBe(1);
    await simulator.whenIdle();
    expect(await statusNow()).toBe("done");
    expect(simulator.advance()).toBe(0);

    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received;
    const header = webhook?.headers["elevenlabs-signature"];
    expect(verifyElevenLabsSignature(webhook?.rawBody ?? "", typeof header === "string" ? header : null, SECRET)).toMatchObject({ ok: true });

    const event = JSON.parse(webhook?.rawBody ?? "{}");
    expect(event).toMatchObject({
      type: "post_call_transcription",
      data: {
        conversation_id: started.conversation_id,
        status: "done",
        metadata: { phone_call: { call_sid: started.callSid, external_number: "+61412345678", type: "twilio", direction: "outbound" } },
        analysis: {
          call_successful: "success",
          transcript_summary: expect.stringContaining("Jane Doe"),
          data_collection_results: { call_outcome: { data_collection_id: "call_outcome", value: "appointment_booked" } },
        },
        conversation_initiation_client_data: { user_id: "att_1", dynamic_variables: dialBody().conversation_initiation_client_data.dynamic_variables },
      },
    });
    const lines = event.data.transcript.map((turn: { role: string; message: string }) => `${turn.role}: ${turn.message}`);
    expect(lines[0]).toBe("agent: Good afternoon, is this Jane Doe?");
    expect(lines[2]).toContain("Harbour Dental");
    expect(lines.some((line: string) => line.startsWith("user:"))).toBe(true);
    // What the simulator sends, our parser reads.
    expect(parseWebhookPayload(event)).toMatchObject({ ok: true, event: { type: "post_call_transcription", outcome: "appointment_booked", userId: "att_1" } });
  });

  it.each(["busy", "no-answer"] as const)("ends a %s call as failed with a call_initiation_failure", async (reason) => {
    simulator.injectFault(reason);
    const started = await startCall();
    await finishCalls();
    const event = JSON.parse(receiver.received[0]?.rawBody ?? "{}");
    expect(event).toMatchObject({
      type: "call_initiation_failure",
      data: {
        conversation_id: started.conversation_id,
        failure_reason: reason,
        metadata: { type: "twilio", body: { CallSid: started.callSid, CallStatus: reason } },
      },
    });
    const conversation = await api(`/v1/convai/conversations/${started.conversation_id}`);
    expect(conversation.body).toMatchObject({ status: "failed", transcript: [], analysis: null });
  });

  it("leaves a short voicemail transcript and no failure event for voicemail", async () => {
    simulator.injectFault("voicemail");
    await dial();
    await finishCalls();
    const event = JSON.parse(receiver.received[0]?.rawBody ?? "{}");
    expect(event.type).toBe("post_call_transcription");
    expect(event.data.transcript).toHaveLength(1);
    expect(event.data.analysis.data_collection_results.call_outcome.value).toBe("voicemail");
  });

  it("uses the failure rate and mix", async () => {
    simulator.configure({ failureRate: 1, failureMix: { busy: 0, "no-answer": 1 } });
    for (let i = 0; i < 3; i++) await dial();
    await finishCalls();
    const reasons = receiver.received.map((webhook) => JSON.parse(webhook.rawBody).data.failure_reason);
    expect(reasons).toEqual(["no-answer", "no-answer", "no-answer"]);
  });

  it("sends webhooks unsigned when no secret is configured", async () => {
    simulator.configure({ webhookSecret: null });
    await dial();
    await finishCalls();
    expect(receiver.received[0]?.headers["elevenlabs-signature"]).toBeUndefined();
  });

  it("logs a failed delivery and does not retry it", async () => {
    const failing = await startWebhookReceiver(500);
    const lines: string[] = [];
    const local = await createSimulator({
      latencyMs: 0,
      callDurationMs: 20,
      failureRate: 0,
      webhookUrl: failing.url,
      webhookSecret: SECRET,
      log: (line) => lines.push(line),
    });
    try {
      await fetch(`${local.url}/v1/convai/twilio/outbound-call`, { method: "POST", headers: { "xi-api-key": "k" }, body: JSON.stringify(dialBody()) });
      await local.whenIdle();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(failing.received).toHaveLength(1);
      expect(local.deliveries).toEqual([expect.objectContaining({ type: "post_call_transcription", status: 500, error: "Receiver answered HTTP 500" })]);
      expect(lines.some((line) => line.includes("not delivered"))).toBe(true);
    } finally {
      await local.close();
      await failing.close();
    }
  });

  it("repeats the same outcomes for the same seed and dials", async () => {
    const outcomes = async (seed: number) => {
      const local = await createSimulator({ seed, latencyMs: 0, callDurationMs: 60_000, failureRate: 0.3, concurrencyLimit: 100 });
      try {
        for (let i = 0; i < 12; i++) {
          await fetch(`${local.url}/v1/convai/twilio/outbound-call`, { method: "POST", headers: { "xi-api-key": "k" }, body: JSON.stringify(dialBody()) });
        }
        return local.calls.map((call) => (call.plan.kind === "failed" ? call.plan.reason : `${call.plan.outcome}:${call.plan.script.summary}`));
      } finally {
        await local.close();
      }
    };
    const first = await outcomes(7);
    expect(await outcomes(7)).toEqual(first);
    expect(await outcomes(8)).not.toEqual(first);
    expect(new Set(first.map((outcome) => outcome.split(":")[0])).size).toBeGreaterThan(2);
  });

  it("never reuses conversation ids across simulators with the same seed", async () => {
    const ids = new Set<string>();
    for (let run = 0; run < 2; run++) {
      const local = await createSimulator({ seed: 1, latencyMs: 0 });
      const response = await fetch(`${local.url}/v1/convai/twilio/outbound-call`, {
        method: "POST",
        headers: { "xi-api-key": "k" },
        body: JSON.stringify(dialBody()),
      });
      ids.add(((await response.json()) as { conversation_id: string }).conversation_id);
      await local.close();
    }
    expect(ids.size).toBe(2);
  });
});

describe("conversations endpoints", () => {
  it("answers 404 for an unknown conversation and 422 for a bad page size or cursor", async () => {
    expect((await api("/v1/convai/conversations/conv_missing")).status).toBe(404);
    expect((await api("/v1/convai/conversations?page_size=101")).body).toMatchObject({ detail: [{ loc: ["query", "page_size"] }] });
    expect((await api("/v1/convai/conversations?cursor=nope")).status).toBe(422);
    expect((await api("/v1/convai/conversations", { key: null })).status).toBe(401);
  });

  it("filters by user_id, agent_id and start time", async () => {
    await dial();
    await dial(dialBody({ agent_id: "agent_2", conversation_initiation_client_data: { user_id: "att_2" } }));
    const byUser = await api("/v1/convai/conversations?user_id=att_2");
    expect(byUser.body).toMatchObject({ conversations: [{ agent_id: "agent_2" }] });
    const byAgent = await api("/v1/convai/conversations?agent_id=agent_1");
    expect(byAgent.body).toMatchObject({ conversations: [{ agent_id: "agent_1" }] });
    const later = await api(`/v1/convai/conversations?call_start_after_unix=${Math.floor(Date.now() / 1000) + 60}`);
    expect(later.body).toEqual({ conversations: [], has_more: false, next_cursor: null });
  });
});

describe("admin endpoints and faults", () => {
  afterEach(() => simulator.reset());

  it("forces the next N dials to fail, then behaves normally", async () => {
    const injected = await fetch(`${simulator.url}/_simulator/faults`, { method: "POST", body: JSON.stringify({ mode: "500", count: 2 }) });
    expect(await injected.json()).toEqual({ pending: ["500", "500"] });
    expect((await dial()).status).toBe(500);
    expect((await dial()).status).toBe(500);
    expect((await dial()).status).toBe(200);
    simulator.injectFault("429");
    expect((await dial()).body).toMatchObject({ detail: { status: "concurrent_limit_exceeded" } });
    expect(simulator.calls).toHaveLength(1);
  });

  it("keeps a call fault for the next dial that is actually placed", async () => {
    simulator.configure({ concurrencyLimit: 1 });
    await dial();
    simulator.injectFault("busy");
    expect((await dial()).status).toBe(429);
    await finishCalls();
    await dial();
    await finishCalls();
    expect(simulator.calls.map((call) => call.plan.kind)).toEqual(["answered", "failed"]);
  });

  it("changes options at runtime, validates them, and never echoes the secret", async () => {
    const changed = await fetch(`${simulator.url}/_simulator/config`, { method: "POST", body: JSON.stringify({ concurrencyLimit: 1 }) });
    expect(await changed.json()).toMatchObject({ concurrencyLimit: 1, webhookSecret: "(set)" });
    expect(simulator.config().concurrencyLimit).toBe(1);
    const invalid = await fetch(`${simulator.url}/_simulator/config`, { method: "POST", body: JSON.stringify({ failureRate: 2 }) });
    expect(invalid.status).toBe(400);
    const unknown = await fetch(`${simulator.url}/_simulator/config`, { method: "POST", body: JSON.stringify({ nonsense: 1 }) });
    expect(unknown.status).toBe(400);
    expect(simulator.config().failureRate).toBe(0);
  });

  it("finishes every call in flight on POST /_simulator/advance { all: true }", async () => {
    simulator.injectFault("busy");
    await dial();
    await dial();
    const advanced = await fetch(`${simulator.url}/_simulator/advance`, { method: "POST", body: JSON.stringify({ all: true }) });
    expect(await advanced.json()).toEqual({ steps: 3 }); // the busy call fails at once; the other connects, then ends
    await simulator.whenIdle();
    expect(simulator.calls.map((call) => call.status)).toEqual(["failed", "done"]);
    expect(receiver.received.map((webhook) => JSON.parse(webhook.rawBody).type).sort()).toEqual(["call_initiation_failure", "post_call_transcription"]);
  });

  it("lists and resets the recorded requests (admin calls are not recorded)", async () => {
    await dial();
    const listed = await fetch(`${simulator.url}/_simulator/requests?path=/v1/convai/twilio/outbound-call`);
    expect(((await listed.json()) as { requests: unknown[] }).requests).toHaveLength(1);
    await fetch(`${simulator.url}/_simulator/requests`, { method: "DELETE" });
    expect(simulator.requests).toHaveLength(0);
  });
});

describe("simulator options and PRNG", () => {
  it("reads the environment, with the documented defaults", () => {
    expect(simulatorOptionsFromEnv({})).toEqual({
      host: "127.0.0.1",
      port: 4010,
      webhookUrl: "http://localhost:3000/api/calls",
      webhookSecret: null,
    });
    expect(
      simulatorOptionsFromEnv({
        ELEVENLABS_WEBHOOK_SECRET: "from-app",
        SIMULATOR_LATENCY_MS: "5",
        SIMULATOR_FAILURE_RATE: "0.5",
        SIMULATOR_FAILURE_MIX: "busy:3, no-answer:1",
        SIMULATOR_SEED: "9",
      }),
    ).toMatchObject({ webhookSecret: "from-app", latencyMs: 5, failureRate: 0.5, failureMix: { busy: 3, "no-answer": 1 }, seed: 9 });
    expect(() => simulatorOptionsFromEnv({ SIMULATOR_PORT: "abc" })).toThrow(/SIMULATOR_PORT/);
    expect(() => simulatorOptionsFromEnv({ SIMULATOR_FAILURE_MIX: "busy:1,hangup:2" })).toThrow(/SIMULATOR_FAILURE_MIX/);
  });

  it("mulberry32 is deterministic per seed and stays in [0, 1)", () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(mulberry32(124)()).not.toBe(values[0]);
  });

  it("pickWeighted follows the weights and never picks a zero weight", () => {
    const random = mulberry32(5);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 4000; i++) counts[pickWeighted(random, { a: 3, b: 1, c: 0 })] += 1;
    expect(counts.c).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.4);
    expect(counts.a / counts.b).toBeLessThan(3.6);
  });
});
