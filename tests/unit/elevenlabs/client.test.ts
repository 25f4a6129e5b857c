import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createElevenLabsClient } from "@/lib/elevenlabs/client";
import { resolveElevenLabsConfig } from "@/lib/elevenlabs/config";
import { startOutboundCall, type OutboundCallInput } from "@/lib/elevenlabs/outbound-call";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { closedPort } from "./helpers/webhook-receiver";

let simulator: Simulator;
beforeAll(async () => {
  simulator = await createSimulator({ seed: 1, latencyMs: 0, callDurationMs: 40, failureRate: 0 });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.reset();
  simulator.configure({ concurrencyLimit: 10, failureRate: 0, callDurationMs: 40 });
});

const client = (timeoutMs = 2_000) => createElevenLabsClient({ baseUrl: simulator.url, apiKey: "test-key", timeoutMs });

const dial = (overrides: Partial<OutboundCallInput> = {}): OutboundCallInput => ({
  attemptId: "att_1",
  agentId: "agent_1",
  agentPhoneNumberId: "phnum_1",
  toNumber: "+61412345678",
  dynamicVariables: { contact_name: "Jane Doe", greeting: "Good morning" },
  ...overrides,
});

const dialRequests = () => simulator.requests.filter((request) => request.path === "/v1/convai/twilio/outbound-call");

describe("startOutboundCall against the simulator", () => {
  it("starts a call and returns the provider's ids", async () => {
    const result = await client().startOutboundCall(dial());
    expect(result).toEqual({
      ok: true,
      value: { conversationId: expect.stringMatching(/^conv_[0-9a-z]{28}$/), callSid: expect.stringMatching(/^CA[0-9a-f]{32}$/), message: "Success" },
    });
  });

  it("sends the attempt id as user_id, the dynamic variables and the options in snake_case", async () => {
    await client().startOutboundCall(
      dial({ agentOverride: { firstMessage: "Hi {{contact_name}}", prompt: "Be brief.", language: "en" }, ringingTimeoutSecs: 45 }),
    );
    expect(dialRequests()[0]?.body).toEqual({
      agent_id: "agent_1",
      agent_phone_number_id: "phnum_1",
      to_number: "+61412345678",
      conversation_initiation_client_data: {
        user_id: "att_1",
        dynamic_variables: { contact_name: "Jane Doe", greeting: "Good morning" },
        conversation_config_override: { agent: { first_message: "Hi {{contact_name}}", language: "en", prompt: { prompt: "Be brief." } } },
      },
      telephony_call_config: { ringing_timeout_secs: 45 },
    });
  });

  it("refuses a number that is not E.164 without calling the provider (permanent)", async () => {
    const result = await client().startOutboundCall(dial({ toNumber: "0412 345 678" }));
    expect(result).toMatchObject({ ok: false, error: { kind: "permanent", status: null, code: "INVALID_INPUT" } });
    expect(!result.ok && result.error.message).toMatch(/toNumber/);
    expect(dialRequests()).toHaveLength(0);
  });

  it("reports a 422 as permanent, with the provider's words", async () => {
    simulator.injectFault("422");
    const result = await client().startOutboundCall(dial());
    expect(result).toEqual({
      ok: false,
      error: { kind: "permanent", status: 422, code: null, message: "to_number: Value error, the number cannot be called (simulated)" },
    });
  });

  it("reports the concurrency limit (429) as retryable, with the provider's words", async () => {
    simulator.configure({ concurrencyLimit: 1, callDurationMs: 60_000 });
    expect((await client().startOutboundCall(dial({ attemptId: "att_a" }))).ok).toBe(true);
    const second = await client().startOutboundCall(dial({ attemptId: "att_b", toNumber: "+61412345679" }));
    expect(second).toMatchObject({ ok: false, error: { kind: "retryable", status: 429, code: "concurrent_limit_exceeded" } });
    expect(!second.ok && second.error.message).toMatch(/allows 1 at once/);
  });

  it("reports a 5xx as retryable and does not retry it itself", async () => {
    simulator.injectFault("500");
    const result = await client().startOutboundCall(dial());
    expect(result).toMatchObject({ ok: false, error: { kind: "retryable", status: 500, message: "Simulated internal server error" } });
    expect(dialRequests()).toHaveLength(1);
  });

  it("reports a timeout as unknown_outcome, after the configured time, without retrying", async () => {
    simulator.injectFault("hang");
    const started = performance.now();
    const result = await client(300).startOutboundCall(dial());
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ ok: false, error: { kind: "unknown_outcome", status: null, code: "TIMEOUT" } });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    // The configured 300 ms, not the default (far longer); generous for a loaded machine.
    expect(elapsed).toBeLessThan(5_000);
    expect(dialRequests()).toHaveLength(1);
  });

  it("reports a connection reset after sending as unknown_outcome", async () => {
    simulator.injectFault("reset");
    const result = await client().startOutboundCall(dial());
    expect(result).toMatchObject({ ok: false, error: { kind: "unknown_outcome", status: null } });
  });

  it("reports a refused connection as retryable", async () => {
    const port = await closedPort();
    const refused = createElevenLabsClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: "k", timeoutMs: 2_000 });
    const result = await refused.startOutboundCall(dial());
    expect(result).toMatchObject({ ok: false, error: { kind: "retryable", status: null, code: "ECONNREFUSED" } });
  });

  it("lets a lost answer be reconciled by the attempt id: the call was placed, and is found once", async () => {
    simulator.injectFault("hang_after_dial");
    const lost = await client(300).startOutboundCall(dial({ attemptId: "att_lost" }));
    expect(lost).toMatchObject({ ok: false, error: { kind: "unknown_outcome" } });

    const found = await client().listConversations({ userId: "att_lost", agentId: "agent_1" });
    expect(found.ok && found.value.conversations).toHaveLength(1);
    expect(found.ok && found.value.conversations[0]?.conversationId).toBe(simulator.calls[0]?.conversationId);
  });
});

describe("startOutboundCall with an injected fetch", () => {
  const withAnswer = (status: number, body: unknown) =>
    resolveElevenLabsConfig({
      baseUrl: "https://api.example.test",
      apiKey: "k",
      fetch: async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }),
    });

  it("treats a 200 it cannot read as unknown_outcome: the provider may have placed the call", async () => {
    const result = await startOutboundCall(withAnswer(200, { ok: "yes" }), dial());
    expect(result).toMatchObject({ ok: false, error: { kind: "unknown_outcome", status: 200, code: "INVALID_RESPONSE" } });
  });

  it("treats success=false without ids as retryable (nothing was placed), with the provider's message", async () => {
    const result = await startOutboundCall(
      withAnswer(200, { success: false, message: "Failed to initiate call", conversation_id: null, callSid: null }),
      dial(),
    );
    expect(result).toEqual({ ok: false, error: { kind: "retryable", status: 200, code: "CALL_NOT_STARTED", message: "Failed to initiate call" } });
  });

  it("treats success=false that names a call as unknown_outcome", async () => {
    const result = await startOutboundCall(withAnswer(200, { success: false, message: "x", conversation_id: "conv_1", callSid: null }), dial());
    expect(result).toMatchObject({ ok: false, error: { kind: "unknown_outcome" } });
  });

  it("accepts a success that omits the ids", async () => {
    const result = await startOutboundCall(withAnswer(200, { success: true, message: "ok" }), dial());
    expect(result).toEqual({ ok: true, value: { conversationId: null, callSid: null, message: "ok" } });
  });
});

describe("conversations against the simulator", () => {
  it("gets a finished conversation with its transcript and outcome", async () => {
    simulator.injectFault("callback_scheduled");
    const started = await client().startOutboundCall(dial());
    await simulator.whenIdle();
    const conversationId = started.ok ? started.value.conversationId : null;
    expect(conversationId).not.toBeNull();

    const result = await client().getConversation(conversationId ?? "");
    expect(result).toMatchObject({
      ok: true,
      value: { conversationId, status: "done", userId: "att_1", outcome: "callback_scheduled", callSid: started.ok ? started.value.callSid : "" },
    });
    expect(result.ok && result.value.transcript[0]).toEqual({ role: "agent", message: "Good morning, is this Jane Doe?", timeInCallSecs: 0 });
  });

  it("reports an unknown conversation as a permanent 404", async () => {
    const result = await client().getConversation("conv_nope");
    expect(result).toMatchObject({ ok: false, error: { kind: "permanent", status: 404, code: "conversation_not_found" } });
  });

  it("pages through conversations, newest first, with filters", async () => {
    const c = client();
    for (const attemptId of ["att_1", "att_2", "att_3"]) await c.startOutboundCall(dial({ attemptId }));
    await c.startOutboundCall(dial({ attemptId: "att_other", agentId: "agent_2" }));

    const first = await c.listConversations({ agentId: "agent_1", pageSize: 2, callStartAfterUnix: 0 });
    expect(first.ok && first.value.hasMore).toBe(true);
    const ids = simulator.calls.map((call) => call.conversationId);
    expect(first.ok && first.value.conversations.map((item) => item.conversationId)).toEqual([ids[2], ids[1]]);

    const second = await c.listConversations({ agentId: "agent_1", pageSize: 2, cursor: (first.ok && first.value.nextCursor) || "" });
    expect(second.ok && second.value).toMatchObject({ hasMore: false, nextCursor: null, conversations: [{ conversationId: ids[0] }] });

    const future = await c.listConversations({ callStartAfterUnix: Math.floor(Date.now() / 1000) + 3600 });
    expect(future.ok && future.value.conversations).toEqual([]);
  });
});

describe("resolveElevenLabsConfig", () => {
  it("reads the environment and defaults", () => {
    expect(resolveElevenLabsConfig({}, { ELEVENLABS_API_KEY: " key " })).toMatchObject({
      apiKey: "key",
      baseUrl: "https://api.elevenlabs.io",
      timeoutMs: 15_000,
    });
    expect(
      resolveElevenLabsConfig({}, { ELEVENLABS_API_KEY: "k", ELEVENLABS_API_BASE_URL: "http://localhost:4010/", ELEVENLABS_TIMEOUT_MS: "5000" }),
    ).toMatchObject({ baseUrl: "http://localhost:4010", timeoutMs: 5000 });
  });

  it("fails loudly on a missing key or a bad setting", () => {
    expect(() => resolveElevenLabsConfig({}, {})).toThrow(/ELEVENLABS_API_KEY/);
    // A 503 naming the variable wherever it surfaces (the cron answers it as it is).
    expect(() => resolveElevenLabsConfig({}, {})).toThrow(expect.objectContaining({ status: 503, extra: { missingVariables: ["ELEVENLABS_API_KEY"] } }));
    expect(() => resolveElevenLabsConfig({}, { ELEVENLABS_API_KEY: "k", ELEVENLABS_TIMEOUT_MS: "soon" })).toThrow(/ELEVENLABS_TIMEOUT_MS/);
    expect(() => resolveElevenLabsConfig({}, { ELEVENLABS_API_KEY: "k", ELEVENLABS_API_BASE_URL: "api.elevenlabs.io" })).toThrow(/http/);
  });
});
