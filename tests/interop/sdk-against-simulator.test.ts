import { ElevenLabsClient, ElevenLabsError } from "@elevenlabs/elevenlabs-js";
import * as serializers from "@elevenlabs/elevenlabs-js/serialization";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createElevenLabsClient } from "@/lib/elevenlabs/client";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import { startWebhookReceiver } from "../unit/elevenlabs/helpers/webhook-receiver";

/**
 * The official SDK is the referee: it parses responses strictly (a missing required key is a
 * ParseError) and serializes requests from its own schemas. If it is happy with the simulator, and
 * our client sends what it sends, both speak ElevenLabs' API.
 */
const SECRET = "wsec_interop";
let simulator: Simulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let sdk: ElevenLabsClient;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  simulator = await createSimulator({ seed: 3, latencyMs: 0, callDurationMs: 60_000, failureRate: 0, webhookUrl: receiver.url, webhookSecret: SECRET });
  sdk = new ElevenLabsClient({ apiKey: "sdk-key", baseUrl: simulator.url, maxRetries: 0 });
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});
beforeEach(() => {
  simulator.reset();
  receiver.received.length = 0;
});

const finishAll = async () => {
  while (simulator.advance() > 0);
  await simulator.whenIdle();
};

const sdkDial = (userId: string, toNumber = "+61412345678") =>
  sdk.conversationalAi.twilio.outboundCall({
    agentId: "agent_1",
    agentPhoneNumberId: "phnum_1",
    toNumber,
    conversationInitiationClientData: { userId, dynamicVariables: { contact_name: "Jane Doe", greeting: "Good morning" } },
  });

describe("the official SDK against the simulator", () => {
  it("places an outbound call", async () => {
    const response = await sdkDial("att_sdk");
    expect(response).toMatchObject({ success: true, conversationId: expect.stringMatching(/^conv_/), callSid: expect.stringMatching(/^CA/) });
  });

  it("gets conversations in every state without a ParseError", async () => {
    simulator.injectFault("appointment_booked");
    simulator.injectFault("busy");
    simulator.injectFault("voicemail");
    const done = await sdkDial("att_done");
    const failed = await sdkDial("att_failed");
    const voicemail = await sdkDial("att_voicemail");
    await finishAll();
    const initiated = await sdkDial("att_initiated"); // left ringing

    const get = (id: string | undefined) => sdk.conversationalAi.conversations.get(id ?? "");
    const doneConversation = await get(done.conversationId);
    expect(doneConversation).toMatchObject({
      status: "done",
      userId: "att_done",
      hasAudio: true,
      hasAuxiliaryAudio: false,
      metadata: { phoneCall: { type: "twilio", callSid: done.callSid } },
      analysis: { callSuccessful: "success", dataCollectionResults: { call_outcome: { value: "appointment_booked" } } },
      conversationInitiationClientData: { userId: "att_done" },
    });
    expect(doneConversation.transcript.length).toBeGreaterThan(3);
    expect(await get(failed.conversationId)).toMatchObject({ status: "failed", transcript: [] });
    expect((await get(voicemail.conversationId)).analysis?.dataCollectionResults?.call_outcome?.value).toBe("voicemail");
    expect(await get(initiated.conversationId)).toMatchObject({ status: "initiated" });
  });

  it("lists conversations with filters and a cursor", async () => {
    for (const userId of ["att_1", "att_2", "att_3"]) await sdkDial(userId);
    const byUser = await sdk.conversationalAi.conversations.list({ userId: "att_2", agentId: "agent_1" });
    expect(byUser.conversations).toHaveLength(1);
    expect(byUser.conversations[0]).toMatchObject({ agentId: "agent_1", status: "initiated", callSuccessful: "unknown" });

    const first = await sdk.conversationalAi.conversations.list({ pageSize: 2, callStartAfterUnix: 0 });
    expect(first).toMatchObject({ hasMore: true, nextCursor: expect.any(String) });
    const second = await sdk.conversationalAi.conversations.list({ pageSize: 2, cursor: first.nextCursor });
    expect(second.hasMore).toBe(false);
    expect([...first.conversations, ...second.conversations].map((item) => item.conversationId).sort()).toEqual(
      simulator.calls.map((call) => call.conversationId).sort(),
    );
  });

  it("sees the simulator's errors as HTTP errors with ElevenLabs' bodies", async () => {
    simulator.injectFault("429");
    const error = await sdkDial("att_429").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ElevenLabsError);
    expect(error).toMatchObject({ statusCode: 429, body: { detail: { status: "concurrent_limit_exceeded" } } });

    const invalid = await sdkDial("att_422", "0412345678").catch((caught: unknown) => caught);
    expect(invalid).toMatchObject({ statusCode: 422, body: { detail: [{ loc: ["body", "to_number"] }] } });
  });

  it("accepts the simulator's webhook signature in webhooks.constructEvent", async () => {
    await sdkDial("att_hook");
    await finishAll();
    const [webhook] = receiver.received;
    const header = String(webhook?.headers["elevenlabs-signature"]);
    const event = await sdk.webhooks.constructEvent(webhook?.rawBody ?? "", header, SECRET);
    expect(event).toMatchObject({ type: "post_call_transcription", data: { conversation_initiation_client_data: { user_id: "att_hook" } } });
    // …and it is a real check: the same header over another body is refused.
    await expect(sdk.webhooks.constructEvent(`${webhook?.rawBody} `, header, SECRET)).rejects.toThrow(/Signature hash does not match/);
  });

  it("accepts signElevenLabsPayload's header for any body", async () => {
    const rawBody = JSON.stringify({ type: "post_call_audio", event_timestamp: 1, data: { note: "ünïcödé ✓" } });
    const header = signElevenLabsPayload(rawBody, SECRET, Math.floor(Date.now() / 1000));
    await expect(sdk.webhooks.constructEvent(rawBody, header, SECRET)).resolves.toMatchObject({ type: "post_call_audio" });
    await expect(sdk.webhooks.constructEvent(rawBody, header, "other")).rejects.toThrow();
  });
});

describe("our client's request against the SDK's", () => {
  it("sends the same body as the SDK for the same inputs", async () => {
    const dynamicVariables = { contact_name: "Jane Doe", greeting: "Good morning", visits: 3, vip: true };
    await createElevenLabsClient({ baseUrl: simulator.url, apiKey: "our-key" }).startOutboundCall({
      attemptId: "att_same",
      agentId: "agent_1",
      agentPhoneNumberId: "phnum_1",
      toNumber: "+61412345678",
      dynamicVariables,
      agentOverride: { firstMessage: "Hi {{contact_name}}", prompt: "Be brief.", language: "en" },
      ringingTimeoutSecs: 45,
    });
    await sdk.conversationalAi.twilio.outboundCall({
      agentId: "agent_1",
      agentPhoneNumberId: "phnum_1",
      toNumber: "+61412345678",
      conversationInitiationClientData: {
        userId: "att_same",
        dynamicVariables,
        conversationConfigOverride: { agent: { firstMessage: "Hi {{contact_name}}", prompt: { prompt: "Be brief." }, language: "en" } },
      },
      telephonyCallConfig: { ringingTimeoutSecs: 45 },
    });

    const [ours, theirs] = simulator.requests.map((request) => request.body);
    expect(ours).toEqual(theirs);
    expect(simulator.dialsTo("+61412345678")).toBe(2);
  });

  it("passes the SDK's own request schema with no unknown keys", async () => {
    await createElevenLabsClient({ baseUrl: simulator.url, apiKey: "our-key" }).startOutboundCall({
      attemptId: "att_schema",
      agentId: "agent_1",
      agentPhoneNumberId: "phnum_1",
      toNumber: "+61412345678",
      dynamicVariables: { contact_name: "Jane Doe" },
      ringingTimeoutSecs: 30,
    });
    const schema = serializers.conversationalAi.BodyHandleAnOutboundCallViaTwilioV1ConvaiTwilioOutboundCallPost;
    const parsed = schema.parse(simulator.requests[0]?.body, { unrecognizedObjectKeys: "fail" });
    expect(parsed).toMatchObject({ ok: true, value: { toNumber: "+61412345678", conversationInitiationClientData: { userId: "att_schema" } } });
    // The schema does reject what it should, so the check above means something.
    expect(schema.parse({ agent_id: "a", to_number: "+61412345678" }, { unrecognizedObjectKeys: "fail" }).ok).toBe(false);
  });
});
