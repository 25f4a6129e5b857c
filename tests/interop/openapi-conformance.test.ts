import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createElevenLabsClient } from "@/lib/elevenlabs/client";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { startWebhookReceiver } from "../unit/elevenlabs/helpers/webhook-receiver";
import { openApiErrors } from "./openapi-check";

/** Our requests and the simulator's answers, held to ElevenLabs' published OpenAPI description. */
let simulator: Simulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  simulator = await createSimulator({ seed: 11, latencyMs: 0, callDurationMs: 60_000, failureRate: 0, webhookUrl: receiver.url, webhookSecret: "s" });
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

const api = async (path: string, body?: unknown) => {
  const response = await fetch(simulator.url + path, {
    method: body === undefined ? "GET" : "POST",
    headers: { "xi-api-key": "k", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
};

const ourClient = () => createElevenLabsClient({ baseUrl: simulator.url, apiKey: "k" });

describe("the checker itself", () => {
  it("finds missing, mistyped and out-of-enum values", () => {
    expect(openApiErrors("Body_Handle_an_outbound_call_via_Twilio_v1_convai_twilio_outbound_call_post", { agent_id: "a", agent_phone_number_id: "p" })).toEqual(
      ["$.to_number: is required"],
    );
    expect(openApiErrors("TwilioOutboundCallResponse", { success: "yes", message: "m", conversation_id: 5, callSid: null })).toEqual([
      "$.success: must be a boolean",
      expect.stringMatching(/^\$\.conversation_id: matches none/),
    ]);
    expect(
      openApiErrors("ConversationSummaryResponseModel", {
        agent_id: "a",
        conversation_id: "c",
        start_time_unix_secs: 1.5,
        call_duration_secs: 0,
        message_count: 0,
        status: "ringing",
        call_successful: "unknown",
      }),
    ).toEqual(["$.start_time_unix_secs: must be an integer", expect.stringMatching(/^\$\.status: "ringing" is not one of/)]);
  });

  it("follows the phone_call discriminator", () => {
    const metadata = { start_time_unix_secs: 1, call_duration_secs: 1, phone_call: { type: "twilio", direction: "outbound" } };
    expect(openApiErrors("ConversationHistoryMetadataCommonModel", metadata)).toEqual([
      expect.stringMatching(/^\$\.phone_call: matches none .*\$\.phone_call\.phone_number_id: is required/),
    ]);
    const complete = {
      type: "twilio",
      direction: "outbound",
      phone_number_id: "p",
      agent_number: "+1",
      external_number: "+2",
      stream_sid: "MZ",
      call_sid: "CA",
    };
    expect(openApiErrors("ConversationHistoryMetadataCommonModel", { ...metadata, phone_call: complete })).toEqual([]);
  });
});

describe("conformance to the OpenAPI description", () => {
  it("our client's outbound-call body is a valid request", async () => {
    await ourClient().startOutboundCall({
      attemptId: "att_1",
      agentId: "agent_1",
      agentPhoneNumberId: "phnum_1",
      toNumber: "+61412345678",
      dynamicVariables: { contact_name: "Jane Doe", visits: 2, vip: false },
      agentOverride: { firstMessage: "Hi", prompt: "Be kind.", language: "en" },
      ringingTimeoutSecs: 30,
    });
    const body = simulator.requests.at(-1)?.body;
    expect(body).toBeDefined();
    expect(openApiErrors("Body_Handle_an_outbound_call_via_Twilio_v1_convai_twilio_outbound_call_post", body)).toEqual([]);
  });

  it("the simulator's outbound-call answers are valid (200 and 422)", async () => {
    const ok = await api("/v1/convai/twilio/outbound-call", { agent_id: "a", agent_phone_number_id: "p", to_number: "+61412345678" });
    expect(ok.status).toBe(200);
    expect(openApiErrors("TwilioOutboundCallResponse", ok.body)).toEqual([]);

    const invalid = await api("/v1/convai/twilio/outbound-call", { agent_id: "a", to_number: "12" });
    expect(invalid.status).toBe(422);
    expect(openApiErrors("HTTPValidationError", invalid.body)).toEqual([]);
  });

  it("the simulator's conversations are valid in every state, and so is the webhook's data", async () => {
    const dial = (userId: string) =>
      api("/v1/convai/twilio/outbound-call", {
        agent_id: "agent_1",
        agent_phone_number_id: "phnum_1",
        to_number: "+61412345678",
        conversation_initiation_client_data: { user_id: userId, dynamic_variables: { contact_name: "Jane Doe" } },
      });
    simulator.reset();
    simulator.injectFault("callback_scheduled");
    simulator.injectFault("no-answer");
    await dial("att_done");
    await dial("att_failed");
    while (simulator.advance() > 0);
    await simulator.whenIdle();
    await dial("att_in_progress");
    simulator.advance(); // it connects
    await dial("att_initiated"); // still ringing
    expect(simulator.calls.map((call) => call.status)).toEqual(["done", "failed", "in-progress", "initiated"]);

    for (const call of simulator.calls) {
      const conversation = await api(`/v1/convai/conversations/${call.conversationId}`);
      expect(openApiErrors("GetConversationResponseModel", conversation.body), call.status).toEqual([]);
    }
    const page = await api("/v1/convai/conversations?page_size=3");
    expect(openApiErrors("GetConversationsPageResponseModel", page.body)).toEqual([]);

    const transcription = receiver.received.map((webhook) => JSON.parse(webhook.rawBody)).find((event) => event.type === "post_call_transcription");
    expect(openApiErrors("GetConversationResponseModel", transcription?.data)).toEqual([]);
  });

  it("an inbound conversation is valid too, in the conversation, the list and the webhook", async () => {
    simulator.reset();
    receiver.received.length = 0;
    const call = await simulator.playInbound({ from: "+61491570156", agentId: "agent_1", outcome: "resolved" });
    expect(openApiErrors("GetConversationResponseModel", (await api(`/v1/convai/conversations/${call.conversationId}`)).body)).toEqual([]);
    while (simulator.advance() > 0);
    await simulator.whenIdle();
    const conversation = await api(`/v1/convai/conversations/${call.conversationId}`);
    expect(conversation.body).toMatchObject({ metadata: { phone_call: { direction: "inbound" } } });
    expect(openApiErrors("GetConversationResponseModel", conversation.body)).toEqual([]);
    expect(openApiErrors("GetConversationsPageResponseModel", (await api("/v1/convai/conversations")).body)).toEqual([]);
    const transcription = receiver.received.map((webhook) => JSON.parse(webhook.rawBody)).find((event) => event.type === "post_call_transcription");
    expect(openApiErrors("GetConversationResponseModel", transcription?.data)).toEqual([]);
  });
});
