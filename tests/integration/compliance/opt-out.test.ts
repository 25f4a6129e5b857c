import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as optOutRoute } from "@/app/api/agent-actions/opt-out/[agent_id]/route";
import { POST as callbackRoute } from "@/app/api/agent-actions/schedule-callback/[agent_id]/route";
import { optOutByAgent } from "@/lib/compliance/do-not-call/opt-out-by-agent";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { getDb } from "@/lib/db";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { createContact, createMember, createOrganization, registerLine } from "../../factories";
import { callAgentAction, createAgentWithToken } from "../../factories/appointments";

const SECRET = "whsec_opt_out_test";
type Json = Record<string, unknown>;

let clinics = 0;
async function clinic() {
  const { organization } = await createMember("OWNER");
  const { agent, token } = await createAgentWithToken(organization.id);
  // Each clinic its own number (a number belongs to one clinic).
  const own = `+612555990${String(++clinics).padStart(2, "0")}`;
  await getDb().phoneNumber.create({ data: { organizationId: organization.id, phoneNumberId: `phnum_${organization.id}`, e164: own, label: "Front desk" } });
  return { organization, agentId: agent.agentId, token, own };
}

/** An outbound call Callboard placed to `toNumber`, still open: what the webhook settles. */
async function openCall(organizationId: string, agentId: string, toNumber: string, conversationId: string) {
  const contact = await getDb().contact.create({ data: { organizationId, name: "Olive Out", phoneNumber: toNumber, customFields: {} } });
  const call = await getDb().call.create({
    data: { organizationId, contactId: contact.id, toNumber, fromNumber: "+61255599000", agentId, conversationId, status: "IN_PROGRESS" },
  });
  return { contact, call };
}

const entry = (organizationId: string, phoneNumber: string) =>
  getDb().doNotCallEntry.findUnique({ where: { organizationId_phoneNumber: { organizationId, phoneNumber } } });

describe("opt_out: the agent's tool when the patient asks not to be called again", () => {
  it("puts the number the server knows for this call on the list at once, audited and in the feed; a second call changes nothing", async () => {
    const { organization, agentId, token, own } = await clinic();
    const { contact, call } = await openCall(organization.id, agentId, "+61491570171", "conv_opt_1");
    // The body's own number is never used: only the call's.
    const res = await callAgentAction(optOutRoute, agentId, token, {
      conversation_id: "conv_opt_1",
      caller_id: own,
      phone_number: "+61491570999",
      reason: "Said stop calling me",
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Json).message).toMatch(/added your number to our do-not-call list/);
    expect(await entry(organization.id, "+61491570171")).toMatchObject({
      source: "AGENT_OPT_OUT",
      callId: call.id,
      reason: "Asked not to be called: “Said stop calling me”",
    });
    expect(await entry(organization.id, "+61491570999")).toBeNull();
    expect(await getDb().auditEvent.findFirstOrThrow({ where: { organizationId: organization.id, action: "PATIENT_OPTED_OUT" } })).toMatchObject({
      actorUserId: null,
      targetType: "do_not_call_entry",
    });
    expect(await getDb().activityEvent.findFirstOrThrow({ where: { organizationId: organization.id, type: "PATIENT_OPTED_OUT" } })).toMatchObject({
      contactId: contact.id,
      callId: call.id,
      message: "Olive Out asked not to be called again during the call: on the do-not-call list now",
    });

    const again = await callAgentAction(optOutRoute, agentId, token, { conversation_id: "conv_opt_1" });
    expect(again.status).toBe(200);
    expect(await getDb().auditEvent.count({ where: { organizationId: organization.id, action: "PATIENT_OPTED_OUT" } })).toBe(1);
    expect(await getDb().activityEvent.count({ where: { organizationId: organization.id, type: "PATIENT_OPTED_OUT" } })).toBe(1);
  });

  it("inbound, without a call on record: the caller's number (not the clinic's own) is the patient's", async () => {
    const { organization, agentId, token, own } = await clinic();
    const res = await callAgentAction(optOutRoute, agentId, token, {
      caller_id: "0491 570 172",
      called_number: own,
      conversation_id: "conv_unknown",
    });
    expect(res.status).toBe(201);
    expect(await entry(organization.id, "+61491570172")).toMatchObject({ source: "AGENT_OPT_OUT", callId: null });
    expect(await entry(organization.id, own)).toBeNull();
  });

  it("with no patient number answers a sentence the agent can say, and adds nothing", async () => {
    const { organization, agentId, token, own } = await clinic();
    for (const body of [{}, { caller_id: own }, { caller_id: "not a number", conversation_id: "conv_nobody" }]) {
      const res = await callAgentAction(optOutRoute, agentId, token, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const answer = (await res.json()) as Json;
      expect(answer).toMatchObject({ success: false });
      expect(answer.message).toMatch(/couldn't tell which number you're calling from/);
    }
    expect(await getDb().doNotCallEntry.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  // Audit F4: the dial's answer was lost, so the conversation id is not stored yet, and the clinic's line was
  // carried over without its number (the configuration check has not read it yet).
  describe("on an outbound call not yet matched to its conversation, from a line whose number is not known", () => {
    async function lostDial() {
      const organization = await createOrganization({ defaultCountry: "AU", timezone: "Australia/Sydney" });
      const { agentId, phoneNumberId } = await registerLine(organization.id);
      const { agentId: toolAgent, token } = await createAgentWithToken(organization.id);
      const patient = await createContact(organization.id, { name: "Pat Outbound" });
      // ElevenLabs fills the system variables of an outbound call: the caller id is the clinic's own number.
      const line = { caller_id: "+61255508000", called_number: patient.phoneNumber, conversation_id: "conv_not_stored_yet" };
      return { organization, agentId, phoneNumberId, toolAgent, token, patient, line };
    }

    it("puts the patient's number on the list, never the clinic's", async () => {
      const { organization, agentId, phoneNumberId, patient, line } = await lostDial();
      await getDb().call.create({
        data: {
          organizationId: organization.id,
          contactId: patient.id,
          direction: "OUTBOUND",
          status: "INITIATED",
          toNumber: patient.phoneNumber,
          fromNumber: null,
          agentId,
          agentPhoneNumberId: phoneNumberId,
        },
      });
      const answer = await optOutByAgent(organization.id, line);
      expect(answer.success).toBe(true);
      const listed = await getDb().doNotCallEntry.findMany({ where: { organizationId: organization.id }, select: { phoneNumber: true } });
      expect(listed.map((row) => row.phoneNumber)).toEqual([patient.phoneNumber]);
    });

    it("with nothing telling which side is the patient, refuses instead of guessing: nothing listed, no call back to the clinic", async () => {
      const { organization, toolAgent, token, line } = await lostDial();
      const optOut = await callAgentAction(optOutRoute, toolAgent, token, line);
      expect(optOut.status).toBe(422);
      expect(((await optOut.json()) as Json).message).toMatch(/couldn't tell which number you're calling from/);
      const callback = await callAgentAction(callbackRoute, toolAgent, token, { ...line, time: "in 2 hours", context: "Results" });
      expect(callback.status).toBe(422);
      expect(await getDb().doNotCallEntry.count({ where: { organizationId: organization.id } })).toBe(0);
      expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id } })).toBe(0);
      expect(await getDb().contact.count({ where: { organizationId: organization.id, phoneNumber: line.caller_id } })).toBe(0);
    });
  });

  it("refuses a missing or wrong token and another clinic's agent id, with nothing written", async () => {
    const mine = await clinic();
    const theirs = await clinic();
    const body = { caller_id: "+61491570173" };
    for (const [agentId, token] of [
      [mine.agentId, null],
      [mine.agentId, "cbat_wrong"],
      [mine.agentId, theirs.token],
      [theirs.agentId, mine.token],
    ] as const) {
      expect((await callAgentAction(optOutRoute, agentId, token, body)).status).toBe(401);
    }
    expect(await getDb().doNotCallEntry.count({ where: { phoneNumber: "+61491570173" } })).toBe(0);
  });
});

describe("an opt-out found in the post-call analysis", () => {
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.ELEVENLABS_WEBHOOK_SECRET = SECRET;
  });
  afterAll(() => {
    process.env = saved;
  });

  async function deliver(conversationId: string, agentId: string, transcript: { role: "agent" | "user"; message: string }[], dataCollection: Json = {}) {
    const payload = {
      type: "post_call_transcription",
      event_timestamp: Math.floor(Date.now() / 1000),
      data: {
        agent_id: agentId,
        conversation_id: conversationId,
        status: "done",
        transcript: transcript.map((turn, i) => ({ ...turn, time_in_call_secs: i * 5 })),
        metadata: { start_time_unix_secs: Math.floor(Date.now() / 1000) - 60, call_duration_secs: 40 },
        analysis: { call_successful: "success", transcript_summary: "A short call.", data_collection_results: dataCollection },
      },
    };
    const body = JSON.stringify(payload);
    const res = await webhookRoute(
      new Request("http://localhost/api/calls", {
        method: "POST",
        headers: { "content-type": "application/json", "elevenlabs-signature": signElevenLabsPayload(body, SECRET, Math.floor(Date.now() / 1000)) },
        body,
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    await settledAfterResponse();
  }

  it("the data-collection field opted_out = true puts the dialed number on the list", async () => {
    const { organization, agentId } = await clinic();
    const { call } = await openCall(organization.id, agentId, "+61491570181", "conv_dc_1");
    await deliver(
      "conv_dc_1",
      agentId,
      [
        { role: "agent", message: "Hello" },
        { role: "user", message: "Not now." },
      ],
      { opted_out: { data_collection_id: "opted_out", value: true } },
    );
    expect(await entry(organization.id, "+61491570181")).toMatchObject({ source: "CALL_ANALYSIS", callId: call.id });
    expect(await getDb().activityEvent.count({ where: { organizationId: organization.id, type: "PATIENT_OPTED_OUT", callId: call.id } })).toBe(1);
    expect(await getDb().auditEvent.count({ where: { organizationId: organization.id, action: "PATIENT_OPTED_OUT" } })).toBe(1);
  });

  it("the patient saying it counts; the agent saying the same words does not", async () => {
    const { organization, agentId } = await clinic();
    await openCall(organization.id, agentId, "+61491570182", "conv_phrase_patient");
    await deliver("conv_phrase_patient", agentId, [
      { role: "agent", message: "Hi, this is Ava from the clinic." },
      { role: "user", message: "Please remove me from your list, and don’t call again." },
    ]);
    expect(await entry(organization.id, "+61491570182")).toMatchObject({
      source: "CALL_ANALYSIS",
      reason: "Asked not to be called: “Please remove me from your list, and don’t call again.”",
    });

    await openCall(organization.id, agentId, "+61491570183", "conv_phrase_agent");
    await deliver(
      "conv_phrase_agent",
      agentId,
      [
        { role: "agent", message: "If you ever want us to stop calling you, just say stop calling me or remove me from your list." },
        { role: "user", message: "Thanks, I'll book for Tuesday." },
      ],
      { opted_out: { data_collection_id: "opted_out", value: false } },
    );
    expect(await entry(organization.id, "+61491570183")).toBeNull();
  });
});
