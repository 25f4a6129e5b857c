import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as triggerRoute } from "@/app/api/calls/trigger/route";
import { GET as previewRoute } from "@/app/api/calls/preview/route";
import { getDb } from "@/lib/db";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { createContact, createMember, registerLine } from "../../factories";
import { callRoute, signInAs } from "../helpers/session";
import { listDoNotCall } from "../../factories/do-not-call";

type Member = Awaited<ReturnType<typeof createMember>>;

describe("POST /api/calls/trigger against the ElevenLabs simulator", () => {
  let simulator: Simulator;
  let member: Member;
  const saved = { ...process.env };

  beforeAll(async () => {
    // No webhooks: this file is about the dial, not what happens after the call.
    simulator = await createSimulator({ latencyMs: 0, callDurationMs: 60_000, failureRate: 0, webhookUrl: null, seed: 1 });
    process.env.ELEVENLABS_API_KEY = "test-key";
    process.env.ELEVENLABS_API_BASE_URL = simulator.url;
    process.env.ELEVENLABS_TIMEOUT_MS = "1000";
  });
  afterAll(async () => {
    process.env = saved;
    await simulator.close();
  });
  beforeEach(async () => {
    member = await createMember("STAFF");
    await registerLine(member.organization.id, {
      agentId: `agent_default_${member.organization.id}`,
      phoneNumberId: `phnum_default_${member.organization.id}`,
    });
    signInAs(member.user);
  });
  afterEach(() => simulator.reset());

  const trigger = (body: unknown) => callRoute(triggerRoute, { method: "POST", body });

  it("places the call, records it with the conversation id, and writes an activity event", async () => {
    const contact = await createContact(member.organization.id, { name: "Jane Doe", phoneNumber: "+61255501001" });
    const res = await trigger({ contactId: contact.id, dynamicVariables: { preferred_time: "after 3pm" } });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { success: boolean; callId: string; conversationId: string };
    expect(body.success).toBe(true);
    expect(body.conversationId).toMatch(/^conv_/);

    const call = await getDb().call.findUniqueOrThrow({ where: { id: body.callId } });
    expect(call).toMatchObject({
      organizationId: member.organization.id,
      contactId: contact.id,
      status: "INITIATED",
      conversationId: body.conversationId,
      toNumber: "+61255501001",
      agentId: `agent_default_${member.organization.id}`,
      agentPhoneNumberId: `phnum_default_${member.organization.id}`,
      placedByUserId: member.user.id,
    });
    expect(call.callSid).toMatch(/^CA/);

    const dial = simulator.requests.find((r) => r.path === "/v1/convai/twilio/outbound-call")!.body as {
      agent_id: string;
      conversation_initiation_client_data: { user_id: string; dynamic_variables: Record<string, string> };
    };
    expect(dial.agent_id).toBe(`agent_default_${member.organization.id}`);
    expect(dial.conversation_initiation_client_data.user_id).toBe(call.id);
    expect(dial.conversation_initiation_client_data.dynamic_variables).toMatchObject({ contact_name: "Jane Doe", preferred_time: "after 3pm" });

    const activity = await getDb().activityEvent.findMany({ where: { organizationId: member.organization.id } });
    expect(activity).toEqual([expect.objectContaining({ type: "CALL_PLACED", callId: call.id, contactId: contact.id, actorUserId: member.user.id })]);
  });

  it("a server without ELEVENLABS_API_KEY answers 503 naming it, dials nobody and writes nothing", async () => {
    const contact = await createContact(member.organization.id, { name: "Jane Doe", phoneNumber: "+61255501002" });
    delete process.env.ELEVENLABS_API_KEY;
    try {
      const res = await trigger({ contactId: contact.id });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: "service_unavailable", missingVariables: ["ELEVENLABS_API_KEY"] });
    } finally {
      process.env.ELEVENLABS_API_KEY = "test-key";
    }
    expect(simulator.requests.filter((r) => r.path === "/v1/convai/twilio/outbound-call")).toHaveLength(0);
    expect(await getDb().call.count({ where: { organizationId: member.organization.id } })).toBe(0);
  });

  it("uses the agent and phone-number id of the request over the clinic's defaults", async () => {
    const contact = await createContact(member.organization.id);
    const other = await registerLine(member.organization.id, {
      agentId: `agent_override_${member.organization.id}`,
      phoneNumberId: `phnum_override_${member.organization.id}`,
      setDefault: false,
    });
    const res = await trigger({ contactId: contact.id, agentId: other.agentId, agentPhoneNumberId: other.phoneNumberId });
    expect(res.status).toBe(201);
    const dial = simulator.requests.at(-1)!.body as { agent_id: string; agent_phone_number_id: string };
    expect(dial).toMatchObject({ agent_id: other.agentId, agent_phone_number_id: other.phoneNumberId });
  });

  it.each([
    ["500", 500, true, "FAILED"],
    ["429", 429, true, "FAILED"],
    ["422", 422, false, "FAILED"],
  ] as const)("answers 502 when the provider answers %s, marks the call failed, and dials once", async (fault, providerStatus, retryable, status) => {
    const contact = await createContact(member.organization.id);
    simulator.injectFault(fault);
    const res = await trigger({ contactId: contact.id });
    expect(res.status).toBe(502);
    const problem = (await res.json()) as { code: string; detail: string; callId: string; providerStatus: number; retryable: boolean };
    expect(problem).toMatchObject({ code: "provider_error", providerStatus, retryable });
    expect(problem.detail).toMatch(/ElevenLabs could not place the call: .+/);
    const call = await getDb().call.findUniqueOrThrow({ where: { id: problem.callId } });
    expect(call.status).toBe(status);
    expect(call.errorMessage).toBeTruthy();
    expect(simulator.dialsTo(contact.phoneNumber)).toBe(1);
    const activity = await getDb().activityEvent.findFirstOrThrow({ where: { callId: call.id } });
    expect(activity.type).toBe("CALL_FAILED");
  });

  it("keeps the call open when ElevenLabs does not answer in time (the phone may be ringing)", async () => {
    const contact = await createContact(member.organization.id);
    simulator.injectFault("hang_after_dial");
    const res = await trigger({ contactId: contact.id });
    expect(res.status).toBe(502);
    const problem = (await res.json()) as { detail: string; callId: string; retryable: boolean };
    expect(problem.detail).toMatch(/may still connect/);
    expect(problem.retryable).toBe(false);
    const call = await getDb().call.findUniqueOrThrow({ where: { id: problem.callId } });
    expect(call.status).toBe("INITIATED");
    expect(simulator.dialsTo(contact.phoneNumber)).toBe(1);
  });

  it("refuses a do-not-call contact without dialing", async () => {
    const contact = await createContact(member.organization.id, { name: "Quiet Person" });
    await listDoNotCall(member.organization.id, [contact.phoneNumber], { reason: "Asked on 3 Nov" });
    const res = await trigger({ contactId: contact.id });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/Quiet Person is on the do-not-call list \(Asked on 3 Nov\)/);
    expect(simulator.dialsTo(contact.phoneNumber)).toBe(0);
    expect(await getDb().call.count({ where: { contactId: contact.id } })).toBe(0);
  });

  it("refuses a contact whose consent is none without dialing; the preview says so", async () => {
    const contact = await createContact(member.organization.id, { name: "Nora Noconsent", consentBasis: "NONE" });
    const res = await trigger({ contactId: contact.id });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toBe(
      "Nora Noconsent has agreed to no calls (their consent is recorded as none), so Callboard won't call them. If they have agreed to calls since, record their consent on the contact first.",
    );
    expect(simulator.dialsTo(contact.phoneNumber)).toBe(0);
    expect(await getDb().call.count({ where: { contactId: contact.id } })).toBe(0);
    const preview = await callRoute(previewRoute, { url: `http://localhost/api/calls/preview?contactId=${contact.id}` });
    expect(((await preview.json()) as { contact: unknown }).contact).toMatchObject({ doNotCall: false, noConsent: true });
  });

  it("calls a contact whose consent is not recorded (the clinic answers for it)", async () => {
    const contact = await createContact(member.organization.id, { consentBasis: null });
    expect((await trigger({ contactId: contact.id })).status).toBe(201);
    expect(simulator.dialsTo(contact.phoneNumber)).toBe(1);
  });

  it("refuses a contact whose stored number is not valid", async () => {
    const contact = await createContact(member.organization.id, { phoneNumber: "+6112" });
    const res = await trigger({ contactId: contact.id });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/has no valid phone number/);
    expect(simulator.requests).toHaveLength(0);
  });

  it("answers 400 when the organization has no agent configured", async () => {
    await getDb().organization.update({ where: { id: member.organization.id }, data: { elevenLabsAgentId: null } });
    const contact = await createContact(member.organization.id);
    const res = await trigger({ contactId: contact.id });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/No ElevenLabs agent is configured/);
  });

  it("answers 404 for another organization's contact and for a missing one, without dialing", async () => {
    const other = await createMember("OWNER");
    const foreign = await createContact(other.organization.id);
    for (const contactId of [foreign.id, "missing"]) {
      const res = await trigger({ contactId });
      expect(res.status).toBe(404);
    }
    const preview = await callRoute(previewRoute, { url: `http://localhost/api/calls/preview?contactId=${foreign.id}` });
    expect(preview.status).toBe(404);
    expect(simulator.requests).toHaveLength(0);
  });

  it("answers 400 for bad input", async () => {
    for (const body of [
      {},
      { contactId: "" },
      { contactId: "c1", dynamicVariables: { "Bad Key": "x" } },
      { contactId: "c1", dynamicVariables: { system__caller_id: "x" } },
      // Filled in for every call: the agent must say the clinic's own name (who is calling).
      { contactId: "c1", dynamicVariables: { clinic_name: "Another Clinic" } },
    ]) {
      const res = await trigger(body);
      expect(res.status).toBe(400);
    }
  });

  it("previews the defaults and the dynamic variables the agent will receive", async () => {
    const contact = await createContact(member.organization.id, { name: "Preview Person" });
    const res = await callRoute(previewRoute, { url: `http://localhost/api/calls/preview?contactId=${contact.id}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { agentId: string; agentPhoneNumberId: string; dynamicVariables: Record<string, string> };
    expect(body).toMatchObject({ agentId: `agent_default_${member.organization.id}`, agentPhoneNumberId: `phnum_default_${member.organization.id}` });
    expect(body.dynamicVariables).toMatchObject({ contact_name: "Preview Person", contact_phone: contact.phoneNumber });
    expect(body.dynamicVariables.greeting).toMatch(/^Good (morning|afternoon|evening)$/);
  });
});
