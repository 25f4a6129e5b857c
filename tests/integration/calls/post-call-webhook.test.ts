import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { POST as triggerRoute } from "@/app/api/calls/trigger/route";
import { getDb } from "@/lib/db";
import { openCallColumn } from "@/lib/calls/history/sealed-call-fields";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { createContact, createMember, registerLine } from "../../factories";
import { callRoute, signInAs } from "../helpers/session";

const SECRET = "whsec_test_secret";

/** Serves the webhook route handler over real HTTP so the simulator can deliver to it. */
function serveWebhookRoute(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://localhost${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const response = await webhookRoute(request, { params: Promise.resolve({}) });
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(await response.text());
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function signedRequest(payload: unknown, secret = SECRET, timestamp = Math.floor(Date.now() / 1000)) {
  const body = JSON.stringify(payload);
  return new Request("http://localhost/api/calls", {
    method: "POST",
    headers: { "content-type": "application/json", "elevenlabs-signature": signElevenLabsPayload(body, secret, timestamp) },
    body,
  });
}
const deliver = (req: Request) => webhookRoute(req, { params: Promise.resolve({}) });

describe("POST /api/calls (ElevenLabs post-call webhooks)", () => {
  let simulator: Simulator;
  let server: Server;
  let member: Awaited<ReturnType<typeof createMember>>;
  const saved = { ...process.env };

  beforeAll(async () => {
    server = await serveWebhookRoute();
    const { port } = server.address() as AddressInfo;
    simulator = await createSimulator({
      latencyMs: 0,
      callDurationMs: 60_000,
      failureRate: 0,
      seed: 7,
      webhookUrl: `http://127.0.0.1:${port}/api/calls`,
      webhookSecret: SECRET,
    });
    Object.assign(process.env, { ELEVENLABS_API_KEY: "test", ELEVENLABS_API_BASE_URL: simulator.url, ELEVENLABS_WEBHOOK_SECRET: SECRET });
  });
  afterAll(async () => {
    process.env = saved;
    await simulator.close();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(async () => {
    simulator.reset();
    member = await createMember("STAFF");
    await registerLine(member.organization.id, { agentId: `agent_a_${member.organization.id}`, phoneNumberId: `phnum_a_${member.organization.id}` });
    signInAs(member.user);
  });

  async function placeCall(name: string) {
    const contact = await createContact(member.organization.id, { name });
    const res = await callRoute(triggerRoute, { method: "POST", body: { contactId: contact.id } });
    expect(res.status).toBe(201);
    return { contact, ...((await res.json()) as { callId: string; conversationId: string }) };
  }

  async function finishCalls() {
    while (simulator.advance() > 0) {
      /* ring → talk → hang up */
    }
    await simulator.whenIdle();
    // The feed entry and the refill run after the webhook has answered.
    await settledAfterResponse();
  }

  it("completes the call with transcript, summary, outcome and duration when the simulator's call ends", async () => {
    simulator.injectFault("appointment_booked");
    const { callId, contact } = await placeCall("Jane Doe");
    await finishCalls();

    const call = await getDb().call.findUniqueOrThrow({ where: { id: callId } });
    // The agent's word is kept as reported; the outcome is what it means (a booking resolves the call).
    expect(call).toMatchObject({
      status: "COMPLETED",
      outcome: "resolved",
      reportedOutcome: "appointment_booked",
      intent: "scheduling",
      contactId: contact.id,
      callerName: "Jane Doe",
    });
    expect(call.summary).toBeTruthy();
    expect(call.durationSeconds).toBeGreaterThan(0);
    expect(call.endedAt!.getTime()).toBeGreaterThan(call.startedAt!.getTime());
    expect(JSON.stringify(openCallColumn("transcript", call.transcript))).toContain("Jane");
    const events = await getDb().activityEvent.findMany({ where: { callId }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["CALL_PLACED", "CALL_COMPLETED"]);
    expect(simulator.deliveries.every((d) => d.status === 200)).toBe(true);
  });

  it("marks a call that never connected as failed with the reason", async () => {
    simulator.injectFault("busy");
    const { callId } = await placeCall("Busy Person");
    await finishCalls();
    const call = await getDb().call.findUniqueOrThrow({ where: { id: callId } });
    expect(call).toMatchObject({ status: "FAILED", outcome: "busy", errorMessage: "Not connected: busy" });
    expect((await getDb().activityEvent.findFirstOrThrow({ where: { callId, type: "CALL_NOT_CONNECTED" } })).message).toBe(
      "Busy Person did not pick up (busy)",
    );
  });

  it("drops a duplicate delivery without a second activity event", async () => {
    const { callId, conversationId } = await placeCall("Twice Delivered");
    const payload = {
      type: "post_call_transcription",
      event_timestamp: Math.floor(Date.now() / 1000),
      data: {
        agent_id: `agent_a_${member.organization.id}`,
        conversation_id: conversationId,
        status: "done",
        transcript: [{ role: "agent", message: "Hello", time_in_call_secs: 0 }],
        metadata: { start_time_unix_secs: Math.floor(Date.now() / 1000) - 30, call_duration_secs: 30 },
        analysis: { transcript_summary: "Said hello.", call_successful: "success" },
      },
    };
    expect(await (await deliver(signedRequest(payload))).json()).toMatchObject({ handled: true });
    expect(await (await deliver(signedRequest(payload))).json()).toMatchObject({ handled: false, reason: "already recorded" });
    await settledAfterResponse();
    expect(await getDb().activityEvent.count({ where: { callId, type: "CALL_COMPLETED" } })).toBe(1);
  });

  it("rejects a bad signature, a stale one, and every webhook when the secret is unset", async () => {
    const { callId, conversationId } = await placeCall("Guarded");
    const payload = {
      type: "call_initiation_failure",
      event_timestamp: 1,
      data: { agent_id: `agent_a_${member.organization.id}`, conversation_id: conversationId, failure_reason: "busy" },
    };
    expect((await deliver(signedRequest(payload, "wrong-secret"))).status).toBe(401);
    expect((await deliver(signedRequest(payload, SECRET, Math.floor(Date.now() / 1000) - 3600))).status).toBe(401);
    const body = JSON.stringify(payload);
    const tampered = new Request("http://localhost/api/calls", {
      method: "POST",
      headers: { "elevenlabs-signature": signElevenLabsPayload(body, SECRET, Math.floor(Date.now() / 1000)) },
      body: body.replace("busy", "no-answer"),
    });
    expect((await deliver(tampered)).status).toBe(401);
    delete process.env.ELEVENLABS_WEBHOOK_SECRET;
    try {
      expect((await deliver(signedRequest(payload))).status).toBe(401);
    } finally {
      process.env.ELEVENLABS_WEBHOOK_SECRET = SECRET;
    }
    expect((await getDb().call.findUniqueOrThrow({ where: { id: callId } })).status).toBe("INITIATED");
  });

  it("acknowledges events about conversations it does not know, and refuses malformed ones with 400", async () => {
    const unknown = { type: "call_initiation_failure", event_timestamp: 1, data: { agent_id: "a", conversation_id: "conv_nobody", failure_reason: "busy" } };
    const res = await deliver(signedRequest(unknown));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ handled: false, reason: "unknown conversation" });
    expect((await deliver(signedRequest({ type: "post_call_transcription", data: { nothing: true } }))).status).toBe(400);
  });
});
