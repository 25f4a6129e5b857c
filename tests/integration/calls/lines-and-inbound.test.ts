import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { POST as triggerRoute } from "@/app/api/calls/trigger/route";
import { POST as scheduleRoute } from "@/app/api/scheduled-calls/route";
import { POST as testCallRoute } from "@/app/api/organizations/test-call/route";
import { POST as conversationInitRoute } from "@/app/api/agent-actions/conversation-init/route";
import { patientOnTheLine } from "@/lib/agents/patient-on-the-line";
import { getDb } from "@/lib/db";
import { runDispatcher } from "@/lib/dispatch/run-dispatcher";
import { createElevenLabsClient } from "@/lib/elevenlabs/client";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { createContact, createMember, registerLine } from "../../factories";
import { inboundCallEvent } from "../../factories/calls";
import { createAgentWithToken } from "../../factories/appointments";
import { zoneAtNoon } from "../../factories/dispatch";
import { callRoute, signInAs } from "../helpers/session";

const SECRET = "whsec_lines_and_inbound";

function signed(payload: unknown) {
  const body = JSON.stringify(payload);
  return new Request("http://localhost/api/calls", {
    method: "POST",
    headers: { "content-type": "application/json", "elevenlabs-signature": signElevenLabsPayload(body, SECRET, Math.floor(Date.now() / 1000)) },
    body,
  });
}

const deliver = async (payload: unknown) => {
  const res = await webhookRoute(signed(payload), { params: Promise.resolve({}) });
  await settledAfterResponse();
  return { status: res.status, body: (await res.json()) as { handled: boolean; reason?: string } };
};

describe("agents and numbers a clinic owns, every dial path", () => {
  let simulator: Simulator;
  const saved = { ...process.env };
  beforeAll(async () => {
    simulator = await createSimulator({ latencyMs: 0, callDurationMs: 60_000, failureRate: 0, seed: 3, webhookUrl: null });
    Object.assign(process.env, { ELEVENLABS_API_KEY: "test", ELEVENLABS_API_BASE_URL: simulator.url, ELEVENLABS_WEBHOOK_SECRET: SECRET });
  });
  afterAll(async () => {
    process.env = saved;
    await simulator.close();
  });
  beforeEach(() => simulator.reset());

  async function twoClinics() {
    const mine = await createMember("ADMIN");
    const other = await createMember("OWNER");
    const own = await registerLine(mine.organization.id);
    const theirs = await registerLine(other.organization.id);
    signInAs(mine.user);
    return { mine, other, own, theirs };
  }
  const dials = () => simulator.requests.filter((r) => r.path.endsWith("outbound-call")).length;

  it("Call now: own line 201; another clinic's or a made-up agent or number 422 with nothing dialed or written", async () => {
    const { mine, other, own, theirs } = await twoClinics();
    const contact = await createContact(mine.organization.id);
    for (const line of [
      { agentId: theirs.agentId },
      { agentPhoneNumberId: theirs.phoneNumberId },
      { agentId: "agent_made_up" },
      { agentId: own.agentId, agentPhoneNumberId: "phnum_made_up" },
    ]) {
      const res = await callRoute(triggerRoute, { method: "POST", body: { contactId: contact.id, ...line } });
      expect(res.status).toBe(422);
      expect(JSON.stringify(await res.json())).not.toContain(other.organization.name);
    }
    expect(dials()).toBe(0);
    expect(await getDb().call.count({ where: { organizationId: mine.organization.id } })).toBe(0);
    const ok = await callRoute(triggerRoute, { method: "POST", body: { contactId: contact.id, agentId: own.agentId, agentPhoneNumberId: own.phoneNumberId } });
    expect(ok.status).toBe(201);
    expect(dials()).toBe(1);
  });

  it("a batch with another clinic's agent or number is a 422 and schedules nothing", async () => {
    const { mine, theirs } = await twoClinics();
    const contact = await createContact(mine.organization.id);
    const scheduledTime = new Date(Date.now() + 3 * 86_400_000).toISOString();
    for (const line of [{ agentId: theirs.agentId }, { agentPhoneNumberId: theirs.phoneNumberId }, { agentId: "agent_made_up" }]) {
      const res = await callRoute(scheduleRoute, { method: "POST", body: { contactIds: [contact.id], scheduledTime, ...line } });
      expect(res.status).toBe(422);
    }
    expect(await getDb().scheduledCall.count({ where: { organizationId: mine.organization.id } })).toBe(0);
  });

  it("the test call uses only the clinic's own default; a default held by no row of the clinic is a 422", async () => {
    const { mine, theirs } = await twoClinics();
    await getDb().organization.update({ where: { id: mine.organization.id }, data: { elevenLabsAgentId: theirs.agentId } });
    const res = await callRoute(testCallRoute, { method: "POST", body: { phoneNumber: "(02) 5550 1234" } });
    expect(res.status).toBe(422);
    expect(dials()).toBe(0);
  });

  it("a scheduled call or callback whose agent is not the clinic's is never dialed: FAILED with the reason", async () => {
    const { mine, theirs } = await twoClinics();
    await getDb().organization.update({
      where: { id: mine.organization.id },
      data: { callingDays: [1, 2, 3, 4, 5, 6, 7], callingWindowStart: 0, callingWindowEnd: 1440, timezone: zoneAtNoon() },
    });
    const contact = await createContact(mine.organization.id);
    await getDb().contact.update({ where: { id: contact.id }, data: { timezone: zoneAtNoon() } });
    const row = await getDb().scheduledCall.create({
      data: {
        organizationId: mine.organization.id,
        contactId: contact.id,
        agentId: theirs.agentId,
        fromNumber: theirs.phoneNumberId,
        scheduledTime: new Date(Date.now() - 1000),
      },
    });
    await runDispatcher({ client: createElevenLabsClient(), budgetMs: 5_000, parallelism: 2, organizationId: mine.organization.id });
    const after = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: row.id } });
    expect(dials()).toBe(0);
    expect(after).toMatchObject({ status: "FAILED", errorMessage: expect.stringMatching(/^Not called: .*not one of this clinic's agents/) });
  });
});

describe("conversations Callboard did not dial", () => {
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.ELEVENLABS_WEBHOOK_SECRET = SECRET;
  });
  afterAll(() => {
    process.env = saved;
  });

  it("an inbound call from a known patient becomes their INBOUND call, once, with a feed entry", async () => {
    const { organization } = await createMember("OWNER");
    const { agentId } = await registerLine(organization.id);
    const jane = await createContact(organization.id, { name: "Jane Inbound", phoneNumber: "+61255507001" });
    const event = inboundCallEvent(`conv_in_${organization.id}`, agentId, "+61255507001");

    expect(await deliver(event)).toMatchObject({ status: 200, body: { handled: true } });
    expect(await deliver(event)).toMatchObject({ status: 200, body: { handled: false, reason: "already recorded" } });

    const calls = await getDb().call.findMany({ where: { organizationId: organization.id } });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      direction: "INBOUND",
      contactId: jane.id,
      fromNumber: "+61255507001",
      status: "COMPLETED",
      reportedOutcome: "appointment_booked",
      summary: "Asked about free times on the 15th.",
    });
    const feed = await getDb().activityEvent.findMany({ where: { organizationId: organization.id } });
    expect(feed).toEqual([
      expect.objectContaining({ type: "CALL_RECEIVED", callId: calls[0]!.id, message: "Call from Jane Inbound ended: appointment booked" }),
    ]);
  });

  it("an unknown number is kept with the number alone; an agent nobody owns is acknowledged and recorded nowhere", async () => {
    const { organization } = await createMember("OWNER");
    const { agentId } = await registerLine(organization.id);
    expect((await deliver(inboundCallEvent(`conv_unknown_${organization.id}`, agentId, "0255507099"))).body.handled).toBe(true);
    expect(await getDb().call.findFirstOrThrow({ where: { organizationId: organization.id } })).toMatchObject({
      direction: "INBOUND",
      contactId: null,
      fromNumber: "+61255507099",
    });

    const before = await getDb().call.count();
    const unowned = await deliver(inboundCallEvent(`conv_nobody_${organization.id}`, "agent_nobody_owns", "+61255507002"));
    expect(unowned).toMatchObject({ status: 200, body: { handled: false, reason: "agent not registered to any clinic" } });
    expect(await getDb().call.count()).toBe(before);
  });

  it("an event whose agent is not the call's agent never settles that call", async () => {
    const { organization } = await createMember("OWNER");
    const { agentId } = await registerLine(organization.id);
    const other = await createMember("OWNER");
    const { agentId: otherAgent } = await registerLine(other.organization.id);
    const call = await getDb().call.create({
      data: { organizationId: organization.id, toNumber: "+61255507003", agentId, conversationId: `conv_placed_${organization.id}`, status: "INITIATED" },
    });
    const answer = await deliver(inboundCallEvent(call.conversationId!, otherAgent, "+61255507003"));
    expect(answer.body).toMatchObject({ handled: false, reason: "agent does not match the call" });
    expect(await getDb().call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ status: "INITIATED", summary: null });
    expect(await getDb().call.count({ where: { organizationId: other.organization.id } })).toBe(0);
  });
});

describe("the patient on the line", () => {
  it("outbound: the number Callboard dialed, whatever the caller id says; inbound: the number that is not the clinic's", async () => {
    const { organization } = await createMember("OWNER");
    await registerLine(organization.id, { e164: "+61255508100" });
    await getDb().call.create({
      data: { organizationId: organization.id, toNumber: "+61255507010", conversationId: `conv_out_${organization.id}`, status: "IN_PROGRESS" },
    });
    const id = organization.id;
    // Outbound: the caller id is the clinic's own number.
    expect(await patientOnTheLine(id, "AU", { conversationId: `conv_out_${id}`, callerId: "+61255508100", calledNumber: "+61255507010" })).toBe("+61255507010");
    // Outbound, conversation not known yet: still not the clinic's own number.
    expect(await patientOnTheLine(id, "AU", { callerId: "+61255508100", calledNumber: "(02) 5550 7011" })).toBe("+61255507011");
    // Inbound: the caller, not the clinic's number that was rung.
    expect(await patientOnTheLine(id, "AU", { conversationId: "conv_not_ours", callerId: "+61255507012", calledNumber: "+61255508100" })).toBe("+61255507012");
    // Only the clinic's own number: nobody to act for.
    expect(await patientOnTheLine(id, "AU", { callerId: "+61255508100", calledNumber: "+61255508100" })).toBeNull();
    // Inbound with the caller id withheld: the number rung is the clinic's; only a number the patient states is theirs.
    expect(await patientOnTheLine(id, "AU", { callerId: "anonymous", calledNumber: "+61255508100" })).toBeNull();
    // Withheld, to a number of the clinic's that is not registered here (a second number its agent answers): not that number.
    for (const callerId of [undefined, "anonymous"]) {
      expect(await patientOnTheLine(id, "AU", { conversationId: "conv_in", callerId, calledNumber: "+61255508102" })).toBeNull();
    }
  });

  it("a withheld caller id on a line whose number is not known yet never makes the clinic's number the patient's", async () => {
    const { organization } = await createMember("OWNER");
    await registerLine(organization.id);
    const id = organization.id;
    for (const callerId of [undefined, "anonymous", "+266696687"]) {
      expect(await patientOnTheLine(id, "AU", { callerId, calledNumber: "+61255508101" }), String(callerId)).toBeNull();
    }
  });

  it("on a line whose number is not known yet, the clinic's number is recognised from its calls, and a guess is never made", async () => {
    const { organization } = await createMember("OWNER");
    const { agentId, phoneNumberId } = await registerLine(organization.id);
    const id = organization.id;
    const clinicNumber = "+61255508102";
    // Outbound, the conversation id not stored yet (the dial's answer was lost): the caller id is the clinic's
    // own number, which Callboard does not know. Neither number tells the direction: no guess.
    expect(await patientOnTheLine(id, "AU", { conversationId: "conv_lost", callerId: clinicNumber, calledNumber: "+61255507014" })).toBeNull();
    // Callboard is dialing that number right now: the call is outbound, the number rung the patient's.
    await getDb().call.create({
      data: { organizationId: id, direction: "OUTBOUND", status: "INITIATED", toNumber: "+61255507014", agentId, agentPhoneNumberId: phoneNumberId },
    });
    expect(await patientOnTheLine(id, "AU", { conversationId: "conv_lost", callerId: clinicNumber, calledNumber: "+61255507014" })).toBe("+61255507014");
    // An inbound caller on that line: still no guess while nothing shows which number is the clinic's…
    expect(await patientOnTheLine(id, "AU", { callerId: "+61255507015", calledNumber: clinicNumber })).toBeNull();
    // …until a call recorded on it does (an inbound call rang the clinic's number): both directions are told apart.
    await getDb().call.create({
      data: {
        organizationId: id,
        direction: "INBOUND",
        status: "COMPLETED",
        fromNumber: "+61255507099",
        toNumber: clinicNumber,
        agentId,
        agentPhoneNumberId: phoneNumberId,
      },
    });
    expect(await patientOnTheLine(id, "AU", { callerId: "+61255507015", calledNumber: clinicNumber })).toBe("+61255507015");
    expect(await patientOnTheLine(id, "AU", { callerId: clinicNumber, calledNumber: "+61255507016" })).toBe("+61255507016");
    // Another clinic's calls say nothing about this clinic's numbers.
    const other = await createMember("OWNER");
    await registerLine(other.organization.id);
    expect(await patientOnTheLine(other.organization.id, "AU", { callerId: clinicNumber, calledNumber: "+61255507016" })).toBeNull();
  });
});

describe("POST /api/agent-actions/conversation-init", () => {
  const init = (token: string | null, body: unknown) =>
    conversationInitRoute(
      new Request("http://localhost/api/agent-actions/conversation-init", {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { "x-agent-token": token } : {}) },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({}) },
    );

  it("greets a known caller by name with their next appointment, never what a past call was about; others get the generic variables", async () => {
    const { organization } = await createMember("OWNER");
    const { agentId, token } = await createAgentWithToken(organization.id, `agent_init_${organization.id}`);
    const contact = await createContact(organization.id, { name: "Maria Known", phoneNumber: "+61255507020" });
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    await getDb().appointment.create({
      data: {
        organizationId: organization.id,
        contactId: contact.id,
        title: "Check-up",
        startsAt,
        endsAt: new Date(+startsAt + 1_800_000),
        attendeeName: "Maria Known",
        attendeePhone: "+61255507020",
      },
    });
    await getDb().call.create({
      data: { organizationId: organization.id, contactId: contact.id, toNumber: "+61255507020", status: "COMPLETED", summary: "Discussed her HbA1c results." },
    });

    const known = await init(token, { caller_id: "+61255507020", agent_id: agentId, called_number: "+61255508200", call_sid: "CA1" });
    expect(known.status).toBe(200);
    const answer = (await known.json()) as { type: string; dynamic_variables: Record<string, string> };
    expect(answer.type).toBe("conversation_initiation_client_data");
    expect(answer.dynamic_variables).toMatchObject({
      known_caller: "yes",
      contact_name: "Maria Known",
      clinic_name: organization.name,
    });
    // A caller id can be spoofed: the summary is health information, so it is never handed to the agent. The key
    // stays, empty, for prompts that still name {{last_call_summary}} (ElevenLabs needs every variable a prompt uses).
    expect(answer.dynamic_variables.last_call_summary).toBe("");
    expect(JSON.stringify(answer)).not.toContain("HbA1c");
    expect(answer.dynamic_variables.next_appointment).toMatch(/ at \d{1,2}:\d{2}/);
    expect(answer.dynamic_variables.greeting).toMatch(/^Good (morning|afternoon|evening)$/);

    for (const caller_id of ["+61255507029", "not a number", "", null]) {
      const res = await init(token, { caller_id, agent_id: agentId, called_number: "+61255508200", call_sid: "CA2" });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { dynamic_variables: Record<string, string> }).dynamic_variables).toMatchObject({ known_caller: "no", contact_name: "" });
    }
  });

  it("answers 401 without a valid token for that agent id, and another clinic's token opens nothing", async () => {
    const { organization } = await createMember("OWNER");
    const mine = await createAgentWithToken(organization.id, `agent_init_a_${organization.id}`);
    const other = await createMember("OWNER");
    const theirs = await createAgentWithToken(other.organization.id, `agent_init_b_${other.organization.id}`);
    const body = { caller_id: "+61255507020", agent_id: mine.agentId };
    expect((await init(null, body)).status).toBe(401);
    expect((await init(`cbat_${"x".repeat(43)}`, body)).status).toBe(401);
    expect((await init(theirs.token, body)).status).toBe(401);
    expect((await init(mine.token, { caller_id: "+61255507020" })).status).toBe(400);
  });
});
