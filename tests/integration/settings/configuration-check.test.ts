import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/organizations/configuration-check/route";
import { POST as testCallRoute } from "@/app/api/organizations/test-call/route";
import { getDb } from "@/lib/db";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { registerAgent } from "@/lib/agents/register-agent";
import { createMember, registerLine } from "../../factories";
import { callRoute, signInAs } from "../helpers/session";

type Result = { ready: boolean; checks: { id: string; status: string; message: string }[] };

describe("configuration check and test call, against the simulator", () => {
  let simulator: Simulator;
  const saved = { ...process.env };
  beforeAll(async () => {
    simulator = await createSimulator({ latencyMs: 0, callDurationMs: 60_000, failureRate: 0, webhookUrl: null, seed: 3 });
  });
  afterEach(() => {
    process.env = { ...saved };
    simulator.reset();
    simulator.configure({ unknownIds: [], overridesEnabled: true, agentFirstMessages: {} });
  });
  afterAll(() => simulator.close());

  function configure(env: Record<string, string | undefined>) {
    Object.assign(process.env, { ELEVENLABS_API_BASE_URL: simulator.url, ELEVENLABS_TIMEOUT_MS: "2000", ...env });
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  }
  const byId = (result: Result) => Object.fromEntries(result.checks.map((c) => [c.id, c]));

  it("says in plain words what is missing on the server and in the clinic", async () => {
    configure({ ELEVENLABS_API_KEY: undefined, ELEVENLABS_WEBHOOK_SECRET: undefined, CRON_SECRET: undefined });
    const { user, organization } = await createMember("ADMIN");
    signInAs(user);
    const result = (await (await callRoute(checkRoute, { method: "POST" })).json()) as Result;
    expect(result.ready).toBe(false);
    const checks = byId(result);
    expect(checks.api_key).toMatchObject({ status: "missing", message: expect.stringContaining("ELEVENLABS_API_KEY") });
    expect(checks.webhook_secret).toMatchObject({ status: "missing", message: expect.stringContaining("ELEVENLABS_WEBHOOK_SECRET") });
    expect(checks.cron_secret).toMatchObject({ status: "missing", message: expect.stringContaining("CRON_SECRET") });
    expect(checks.agent).toMatchObject({ status: "missing", message: expect.stringMatching(/No agent ID/) });
    expect(checks.phone_number).toMatchObject({ status: "missing" });
    expect(await getDb().auditEvent.findFirstOrThrow({ where: { organizationId: organization.id } })).toMatchObject({
      action: "CONFIGURATION_CHECKED",
      data: { ready: false },
    });
  });

  it("asks ElevenLabs about the agent and phone number: unknown ids and disabled overrides are reported", async () => {
    configure({ ELEVENLABS_API_KEY: "k", ELEVENLABS_WEBHOOK_SECRET: "whsec", CRON_SECRET: "cron" });
    const { user, organization } = await createMember("OWNER");
    await getDb().organization.update({ where: { id: organization.id }, data: { elevenLabsAgentId: "agent_gone", elevenLabsPhoneNumberId: "phnum_ok" } });
    simulator.configure({ unknownIds: ["agent_gone"] });
    signInAs(user);
    let checks = byId((await (await callRoute(checkRoute, { method: "POST" })).json()) as Result);
    expect(checks.agent).toMatchObject({ status: "missing", message: expect.stringContaining("has no agent agent_gone") });
    expect(checks.phone_number).toMatchObject({ status: "ok", message: expect.stringMatching(/^Calls come from \+\d+/) });
    expect(simulator.requests.map((r) => r.path)).toEqual(["/v1/convai/agents/agent_gone", "/v1/convai/phone-numbers/phnum_ok"]);

    simulator.configure({ unknownIds: [], overridesEnabled: false });
    await getDb().organization.update({ where: { id: organization.id }, data: { elevenLabsAgentId: "agent_here" } });
    await registerAgent(organization.id, { userId: user.id, email: user.email }, { agentId: "agent_here", name: "Reception" }, "http://localhost");
    const result = (await (await callRoute(checkRoute, { method: "POST" })).json()) as Result;
    checks = byId(result);
    expect(checks.agent!.status).toBe("ok");
    expect(checks.overrides).toMatchObject({ status: "warning", message: expect.stringContaining("Security") });
    expect(checks.agent_token!.status).toBe("ok");
    expect(result.ready).toBe(true);

    // The language override matters only once a patient speaks another language than the clinic (en-AU).
    expect(checks.language_override).toBeUndefined();
    await getDb().contact.create({ data: { organizationId: organization.id, name: "Jane", phoneNumber: "+61491570301", language: "en-US", customFields: {} } });
    expect(byId((await (await callRoute(checkRoute, { method: "POST" })).json()) as Result).language_override).toBeUndefined(); // English too
    await getDb().contact.create({ data: { organizationId: organization.id, name: "Asha", phoneNumber: "+61491570302", language: "hi-IN", customFields: {} } });
    checks = byId((await (await callRoute(checkRoute, { method: "POST" })).json()) as Result);
    expect(checks.language_override).toMatchObject({
      status: "warning",
      message: expect.stringMatching(/Hindi \(India\).*does not allow the language override/),
    });
    simulator.configure({ overridesEnabled: true });
    checks = byId((await (await callRoute(checkRoute, { method: "POST" })).json()) as Result);
    expect(checks.language_override).toMatchObject({ status: "ok" });
  });

  it("confirms every registered agent and number, and records a carried-over number's E.164 from ElevenLabs", async () => {
    configure({ ELEVENLABS_API_KEY: "k", ELEVENLABS_WEBHOOK_SECRET: "whsec", CRON_SECRET: "cron" });
    const { user, organization } = await createMember("OWNER");
    await registerLine(organization.id);
    const extra = await registerLine(organization.id, { agentId: `agent_gone_${organization.id}`, setDefault: false });
    simulator.configure({ unknownIds: [extra.agentId] });
    signInAs(user);
    const result = (await (await callRoute(checkRoute, { method: "POST" })).json()) as Result;
    const agents = result.checks.filter((check) => check.id === "registered_agent");
    expect(agents).toEqual([expect.objectContaining({ status: "warning", message: expect.stringContaining(`has no agent ${extra.agentId}`) })]);
    const numbers = result.checks.filter((check) => check.id === "registered_number");
    expect(numbers).toHaveLength(2);
    expect(numbers[0]).toMatchObject({ status: "ok", message: expect.stringContaining("now recorded") });
    const rows = await getDb().phoneNumber.findMany({ where: { organizationId: organization.id }, orderBy: { createdAt: "asc" } });
    expect(rows[0]!.e164).toMatch(/^\+\d{8,15}$/);
  });

  it("warns when the agent's first message names neither the clinic nor {{clinic_name}} (47 CFR 64.1200(b))", async () => {
    configure({ ELEVENLABS_API_KEY: "k", ELEVENLABS_WEBHOOK_SECRET: "whsec", CRON_SECRET: "cron" });
    const { user, organization } = await createMember("ADMIN");
    await getDb().organization.update({ where: { id: organization.id }, data: { name: "Sunrise Family Clinic", elevenLabsAgentId: "agent_anon" } });
    signInAs(user);
    const check = async () => byId((await (await callRoute(checkRoute, { method: "POST" })).json()) as Result).identification;

    simulator.configure({ agentFirstMessages: { agent_anon: "Hi {{contact_name}}, we are calling about your appointment." } });
    expect(await check()).toMatchObject({ status: "warning", message: expect.stringContaining("names neither Sunrise Family Clinic nor {{clinic_name}}") });
    expect(simulator.requests.some((r) => r.path === "/v1/convai/agents/agent_anon")).toBe(true);

    simulator.configure({ agentFirstMessages: { agent_anon: "" } });
    expect(await check()).toMatchObject({ status: "warning", message: expect.stringContaining("no first message") });

    simulator.configure({ agentFirstMessages: { agent_anon: "Good morning, this is SUNRISE family clinic calling for {{contact_name}}." } });
    expect((await check())!.status).toBe("ok");

    simulator.configure({ agentFirstMessages: { agent_anon: "Hi {{contact_name}}, it's {{ clinic_name }} here." } });
    expect((await check())!.status).toBe("ok");
  });

  it("places a test call to the admin's own number through the simulator, audited", async () => {
    configure({ ELEVENLABS_API_KEY: "k" });
    const { user, organization } = await createMember("ADMIN");
    await registerLine(organization.id);
    signInAs(user);
    const res = await callRoute(testCallRoute, { method: "POST", body: { phoneNumber: "(02) 5550 1234" } });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { callId: string; conversationId: string; toNumber: string };
    expect(body.toNumber).toBe("+61255501234");
    expect(simulator.dialsTo("+61255501234")).toBe(1);
    const dial = simulator.requests.find((r) => r.path.endsWith("outbound-call"))!.body as {
      conversation_initiation_client_data: { user_id: string; dynamic_variables: Record<string, string> };
    };
    expect(dial.conversation_initiation_client_data.user_id).toBe(body.callId);
    expect(dial.conversation_initiation_client_data.dynamic_variables.contact_name).toBe(user.name);
    expect(await getDb().call.findUniqueOrThrow({ where: { id: body.callId } })).toMatchObject({
      organizationId: organization.id,
      contactId: null,
      placedByUserId: user.id,
      conversationId: body.conversationId,
    });
    expect(await getDb().auditEvent.findFirstOrThrow({ where: { organizationId: organization.id, action: "TEST_CALL_PLACED" } })).toMatchObject({
      targetId: body.callId,
    });

    const bad = await callRoute(testCallRoute, { method: "POST", body: { phoneNumber: "call me maybe" } });
    expect(bad.status).toBe(400);
    expect(simulator.dialsTo("call me maybe")).toBe(0);
  });
});
