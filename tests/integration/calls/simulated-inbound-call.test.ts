import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { getDb } from "@/lib/db";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { createContact, createMember, registerLine } from "../../factories";

const SECRET = "whsec_inbound_simulated";

/** The webhook route over real HTTP, so the simulator delivers to it as ElevenLabs would. */
async function serveWebhookRoute(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://localhost${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const response = await webhookRoute(request, { params: Promise.resolve({}) });
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("an inbound call played by the simulator is recorded by the app", () => {
  let simulator: Simulator;
  let server: Server;
  let member: Awaited<ReturnType<typeof createMember>>;
  let line: { agentId: string; phoneNumberId: string; e164: string };
  const saved = { ...process.env };
  let lines = 0;

  beforeAll(async () => {
    server = await serveWebhookRoute();
    const { port } = server.address() as AddressInfo;
    simulator = await createSimulator({
      latencyMs: 0,
      callDurationMs: 60_000,
      seed: 5,
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
    const org = member.organization.id;
    // E.164 numbers are unique across clinics: each test's clinic gets its own line.
    line = { agentId: `agent_in_${org}`, phoneNumberId: `phnum_in_${org}`, e164: `+612555080${String(lines++).padStart(2, "0")}` };
    await registerLine(org, line);
    // The simulator rings the clinic's registered number for its agent, as ElevenLabs would.
    simulator.configure({ phoneNumbers: { [line.phoneNumberId]: { number: line.e164, agentId: line.agentId } } });
  });

  async function callIn(from: string, outcome: "appointment_booked" | "callback_scheduled" | "resolved") {
    const call = await simulator.playInbound({ from, agentId: line.agentId, outcome });
    while (simulator.advance() > 0);
    await simulator.whenIdle();
    await settledAfterResponse();
    expect(simulator.deliveries.at(-1)).toMatchObject({ conversationId: call.conversationId, status: 200 });
    return call;
  }

  it("a known patient's call becomes an INBOUND call of the clinic, linked to the contact, with a feed entry", async () => {
    const contact = await createContact(member.organization.id, { name: "Jane Inbound", phoneNumber: "+61255501234" });
    const played = await callIn("+61255501234", "appointment_booked");

    const call = await getDb().call.findUniqueOrThrow({ where: { conversationId: played.conversationId } });
    expect(call).toMatchObject({
      organizationId: member.organization.id,
      direction: "INBOUND",
      contactId: contact.id,
      fromNumber: "+61255501234",
      toNumber: line.e164,
      agentId: line.agentId,
      agentPhoneNumberId: line.phoneNumberId,
      callSid: played.callSid,
      status: "COMPLETED",
      reportedOutcome: "appointment_booked",
    });
    const feed = await getDb().activityEvent.findMany({ where: { organizationId: member.organization.id, callId: call.id } });
    expect(feed).toEqual([expect.objectContaining({ type: "CALL_RECEIVED", contactId: contact.id, message: expect.stringContaining("Jane Inbound") })]);
  });

  it("an unknown number is kept with the number alone; an unowned agent's call is recorded nowhere", async () => {
    const played = await callIn("+61255509999", "callback_scheduled");
    expect(await getDb().call.findUniqueOrThrow({ where: { conversationId: played.conversationId } })).toMatchObject({
      organizationId: member.organization.id,
      direction: "INBOUND",
      contactId: null,
      fromNumber: "+61255509999",
      toNumber: line.e164,
    });

    const before = await getDb().call.count();
    const stranger = await simulator.playInbound({ from: "+61255509998", agentId: "agent_nobody_owns", outcome: "resolved" });
    while (simulator.advance() > 0);
    await simulator.whenIdle();
    await settledAfterResponse();
    // Acknowledged (2xx, so ElevenLabs keeps the webhook enabled) and recorded nowhere.
    expect(simulator.deliveries.at(-1)).toMatchObject({ conversationId: stranger.conversationId, status: 200 });
    expect(await getDb().call.count()).toBe(before);
  });
});
