import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildServerToolConfig } from "@/lib/agents/server-tool-config";
import { parseWebhookPayload } from "@/lib/elevenlabs/webhook-payloads";
import { verifyElevenLabsSignature } from "@/lib/elevenlabs/webhook-signature";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";

const SECRET = "wsec_inbound_test";
const TOKEN = "cbat_inbound_agent";
const AGENT = "agent_front_desk";
const CLINIC_LINE = { id: "phnum_front_desk", number: "+61255509876" };
const KNOWN = "+61491570156";
const UNKNOWN = "+61491570999";

type Seen = { path: string; headers: IncomingHttpHeaders; rawBody: string; body: Record<string, unknown> };

/**
 * A stand-in for Callboard: conversation-init (knows one patient, checks the token), the agent
 * actions (the first day asked about has 10:00 free) and the post-call webhook, all in one ordered log.
 */
async function startApp() {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    const body = JSON.parse(rawBody || "{}") as Record<string, unknown>;
    const path = req.url ?? "";
    seen.push({ path, headers: req.headers, rawBody, body });
    const send = (status: number, answer: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(answer));

    if (path === "/api/agent-actions/conversation-init") {
      if (req.headers["x-agent-token"] !== TOKEN) return send(401, { error: "unauthorized" });
      const known = body.caller_id === KNOWN;
      return send(200, {
        type: "conversation_initiation_client_data",
        dynamic_variables: {
          clinic_name: "Sunrise Family Clinic",
          greeting: "Good morning",
          current_date: "2026-12-03",
          current_time: "09:00",
          known_caller: known ? "yes" : "no",
          ...(known ? { contact_name: "Jane Citizen" } : {}),
        },
      });
    }
    if (path.startsWith("/api/agent-actions/check-availability/"))
      return send(200, { date: body.date, slots: [{ start_time: "10:00", available: true }], message: "10:00 is free." });
    if (path.startsWith("/api/agent-actions/book-appointment/"))
      return send(200, { success: true, appointment_id: "appt_1", message: `Done — ${String(body.customer_name)} is booked for 10:00 AM.` });
    if (path.startsWith("/api/agent-actions/schedule-callback/"))
      return send(200, { success: true, message: "Done — we'll call you back tomorrow at 10:00 AM." });
    return send(200, {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let app: Awaited<ReturnType<typeof startApp>>;
let simulator: Simulator;

beforeAll(async () => {
  app = await startApp();
  simulator = await createSimulator({
    seed: 11,
    latencyMs: 0,
    callDurationMs: 60_000,
    webhookUrl: `${app.url}/api/calls`,
    webhookSecret: SECRET,
    phoneNumbers: { [CLINIC_LINE.id]: { number: CLINIC_LINE.number, agentId: AGENT } },
    agentTools: { [AGENT]: buildServerToolConfig(app.url, AGENT, TOKEN) },
  });
});
afterAll(async () => {
  await simulator.close();
  await app.close();
});
beforeEach(() => {
  simulator.reset();
  app.seen.length = 0;
});

/** Plays an inbound call over the admin API, then ends every call and waits for the webhooks. */
async function callIn(body: Record<string, unknown>) {
  const res = await fetch(`${simulator.url}/_simulator/inbound`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  while (simulator.advance() > 0);
  await simulator.whenIdle();
  return { status: res.status, answer };
}

const step = (seen: Seen) => (seen.path.startsWith("/api/agent-actions/") ? seen.path.split("/")[3]! : seen.path);
const postCall = () => app.seen.find((seen) => seen.path === "/api/calls");

describe("POST /_simulator/inbound: a patient calls the clinic", () => {
  it("a known caller books: initiation webhook, then tools with the caller's number, then the signed inbound post-call webhook", async () => {
    const { status, answer } = await callIn({ from: KNOWN, agentId: AGENT, outcome: "appointment_booked" });
    expect(status).toBe(200);
    const conversationId = answer.conversation_id as string;
    expect(conversationId).toMatch(/^conv_/);
    expect(answer).toMatchObject({ phone_number_id: CLINIC_LINE.id, agent_number: CLINIC_LINE.number, initiation: { status: 200, error: null } });

    // (1) initiation, (2) the tools, (3) the post-call webhook — in that order.
    expect(app.seen.map(step)).toEqual(["conversation-init", "check-availability", "book-appointment", "/api/calls"]);

    const [init, check, book] = app.seen;
    expect(init!.headers["x-agent-token"]).toBe(TOKEN);
    expect(init!.body).toEqual({ caller_id: KNOWN, agent_id: AGENT, called_number: CLINIC_LINE.number, call_sid: answer.call_sid });

    // Inbound: the patient rang the clinic, so caller_id is the patient and called_number the clinic's line.
    const system = { caller_id: KNOWN, called_number: CLINIC_LINE.number, conversation_id: conversationId };
    expect(check!.body).toMatchObject(system);
    expect(book!.body).toMatchObject({ ...system, customer_name: "Jane Citizen", start_time: "10:00", date: check!.body.date });
    expect(book!.body).not.toHaveProperty("customer_phone");
    expect([check, book].every((seen) => seen!.headers["x-agent-token"] === TOKEN)).toBe(true);

    const webhook = postCall()!;
    expect(verifyElevenLabsSignature(webhook.rawBody, String(webhook.headers["elevenlabs-signature"]), SECRET)).toMatchObject({ ok: true });
    expect(webhook.body).toMatchObject({
      type: "post_call_transcription",
      data: {
        agent_id: AGENT,
        conversation_id: conversationId,
        user_id: null,
        status: "done",
        metadata: {
          phone_call: {
            direction: "inbound",
            external_number: KNOWN,
            agent_number: CLINIC_LINE.number,
            phone_number_id: CLINIC_LINE.id,
            call_sid: answer.call_sid,
            type: "twilio",
          },
        },
        analysis: { data_collection_results: { call_outcome: { value: "appointment_booked" } } },
        conversation_initiation_client_data: { user_id: null, dynamic_variables: { contact_name: "Jane Citizen", known_caller: "yes" } },
      },
    });
    const transcript = JSON.stringify((webhook.body.data as { transcript: unknown }).transcript);
    expect(transcript).toContain("Hi Jane");
    expect(transcript).toContain("Done — Jane Citizen is booked for 10:00 AM.");

    // The app's own parser reads it: no user id, the caller's number as the external number.
    const parsed = parseWebhookPayload(JSON.parse(webhook.rawBody));
    expect(parsed).toMatchObject({ ok: true, event: { type: "post_call_transcription", conversationId, userId: null, toNumber: KNOWN } });
  });

  it("an unknown caller asks for a call back: generic variables, schedule_callback with the call's numbers and the name they gave", async () => {
    const { answer } = await callIn({ from: UNKNOWN, agentId: AGENT, outcome: "callback_scheduled", name: "Sam Newcomer" });
    expect(app.seen.map(step)).toEqual(["conversation-init", "schedule-callback", "/api/calls"]);
    expect(app.seen[1]!.body).toMatchObject({
      caller_id: UNKNOWN,
      called_number: CLINIC_LINE.number,
      conversation_id: answer.conversation_id,
      time: expect.stringMatching(/tomorrow at \d/),
    });
    const data = postCall()!.body.data as { transcript: unknown; conversation_initiation_client_data: { dynamic_variables: Record<string, unknown> } };
    expect(data.conversation_initiation_client_data.dynamic_variables).toMatchObject({ known_caller: "no" });
    expect(data.conversation_initiation_client_data.dynamic_variables).not.toHaveProperty("contact_name");
    const transcript = JSON.stringify(data.transcript);
    expect(transcript).toContain("Sam Newcomer");
    expect(transcript).toContain(`Could you call me back ${String(app.seen[1]!.body.time)}?`);
    expect(transcript).toContain("we'll call you back tomorrow at 10:00 AM.");
  });

  it("a refused initiation (401) is reported and the call goes on with no variables; a question needs no tools", async () => {
    simulator.configure({ agentTools: { [AGENT]: buildServerToolConfig(app.url, AGENT, "cbat_wrong") } });
    try {
      const { answer } = await callIn({ from: KNOWN, agentId: AGENT, outcome: "resolved" });
      expect(answer.initiation).toMatchObject({ status: 401, error: expect.stringContaining("401") });
      expect(app.seen.map(step)).toEqual(["conversation-init", "/api/calls"]);
      expect(postCall()!.body).toMatchObject({
        data: {
          conversation_initiation_client_data: { dynamic_variables: {} },
          analysis: { data_collection_results: { call_outcome: { value: "resolved" } } },
        },
      });
    } finally {
      simulator.configure({ agentTools: { [AGENT]: buildServerToolConfig(app.url, AGENT, TOKEN) } });
    }
  });

  it("an agent without tool JSON gets no initiation webhook and no tool calls; the post-call webhook still comes, from a placeholder line", async () => {
    const { answer } = await callIn({ from: KNOWN, agentId: "agent_without_tools", outcome: "appointment_booked" });
    expect(answer.initiation).toMatchObject({ url: null, status: null });
    expect(app.seen.map(step)).toEqual(["/api/calls"]);
    expect(postCall()!.body).toMatchObject({
      data: {
        agent_id: "agent_without_tools",
        metadata: { phone_call: { direction: "inbound", external_number: KNOWN, phone_number_id: answer.phone_number_id } },
      },
    });
  });

  it("the inbound conversation reads as inbound through the conversations API", async () => {
    const { answer } = await callIn({ from: KNOWN, agentId: AGENT, outcome: "resolved" });
    const get = (path: string) =>
      fetch(`${simulator.url}${path}`, { headers: { "xi-api-key": "k" } }).then((res) => res.json() as Promise<Record<string, unknown>>);
    const conversation = await get(`/v1/convai/conversations/${String(answer.conversation_id)}`);
    expect(conversation).toMatchObject({ status: "done", user_id: null, metadata: { phone_call: { direction: "inbound", external_number: KNOWN } } });
    const list = await get("/v1/convai/conversations");
    expect(list.conversations).toEqual([expect.objectContaining({ conversation_id: answer.conversation_id, direction: "inbound" })]);
  });

  it("bad input is a 400 and plays nothing", async () => {
    for (const body of [
      { agentId: AGENT },
      { from: KNOWN },
      { from: KNOWN, agentId: AGENT, outcome: "voicemail" },
      { from: KNOWN, agentId: AGENT, extra: 1 },
    ]) {
      const res = await fetch(`${simulator.url}/_simulator/inbound`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(simulator.calls).toHaveLength(0);
    expect(app.seen).toHaveLength(0);
  });
});
