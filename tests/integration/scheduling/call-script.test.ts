import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as scheduleRoute } from "@/app/api/scheduled-calls/route";
import { getDb } from "@/lib/db";
import { DIAL_PATH } from "@/simulator/outbound-call-route";
import { createMember } from "../../factories";
import { createContacts } from "../../factories/contacts";
import { createDispatchOrganization, zoneAtNoon } from "../../factories/dispatch";
import { startDispatchHarness, type DispatchHarness } from "../dispatch/harness";
import { callRoute, signInAs } from "../helpers/session";

const ANSWERED = { appointment_booked: 1, callback_scheduled: 0, not_interested: 0, voicemail: 0 };
const SCRIPT = {
  firstMessage: "Hi {{contact_name}}, this is Sunrise calling about your flu shot.",
  prompt: "You remind patients of their flu shot and offer a time at {{clinic_address}}.",
  variables: { clinic_address: "12 Harbour St, Sydney", reason_for_call: "flu shot reminder" },
};

type DialBody = {
  to_number: string;
  conversation_initiation_client_data: { dynamic_variables: Record<string, string>; conversation_config_override?: { agent: Record<string, unknown> } };
};

describe("a call script per batch", () => {
  let harness: DispatchHarness;
  let offset = 7_000;
  beforeAll(async () => {
    harness = await startDispatchHarness({ outcomeMix: ANSWERED });
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.simulator.reset();
    harness.simulator.configure({ overridesEnabled: true });
  });

  async function clinicWith(count: number) {
    const organization = await createDispatchOrganization();
    const { user } = await createMember("STAFF", organization.id);
    const contacts = await createContacts(organization.id, count, () => ({}), (offset += 50));
    await getDb().contact.updateMany({ where: { organizationId: organization.id }, data: { timezone: zoneAtNoon() } });
    signInAs(user);
    return { organization, contacts };
  }
  async function schedule(body: Record<string, unknown>, dryRun = false) {
    const res = await callRoute(scheduleRoute, {
      method: "POST",
      url: `http://localhost/api/scheduled-calls${dryRun ? "?dryRun=1" : ""}`,
      body: { scheduledTime: new Date().toISOString(), staggerMinutes: 1, ...body },
    });
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & { batch?: { id: string; script: unknown }; detail?: string; issues?: Array<{ path: string }> },
    };
  }
  /** Makes every row of the batch due now (staggering spreads them a minute apart) and runs the dispatcher once. */
  async function dialAll(batchId: string) {
    await getDb().scheduledCall.updateMany({ where: { batchId }, data: { scheduledTime: new Date(Date.now() - 1_000) } });
    expect((await harness.runCron()).status).toBe(200);
    await harness.settle();
  }
  const dials = () => harness.simulator.requests.filter((request) => request.path === DIAL_PATH).map((request) => request.body as DialBody);

  it("sends the first message and prompt as the agent override, and the variables, on every call of the batch", async () => {
    const { contacts } = await clinicWith(3);
    const { status, body } = await schedule({ contactIds: contacts.map((c) => c.id), script: SCRIPT });
    expect(status).toBe(201);
    expect(body.batch!.script).toEqual(SCRIPT);
    const stored = await getDb().callBatch.findUniqueOrThrow({ where: { id: body.batch!.id } });
    expect(stored).toMatchObject({ scriptFirstMessage: SCRIPT.firstMessage, scriptPrompt: SCRIPT.prompt, scriptVariables: SCRIPT.variables });

    await dialAll(body.batch!.id);
    const sent = dials();
    expect(sent.map((dial) => dial.to_number).sort()).toEqual(contacts.map((c) => c.phoneNumber).sort());
    for (const dial of sent) {
      const data = dial.conversation_initiation_client_data;
      expect(data.conversation_config_override).toEqual({ agent: { first_message: SCRIPT.firstMessage, prompt: { prompt: SCRIPT.prompt } } });
      expect(data.dynamic_variables).toMatchObject(SCRIPT.variables);
      // The per-contact variables are still each contact's own.
      expect(data.dynamic_variables.contact_phone).toBe(dial.to_number);
    }
  });

  it("a batch without a script dials with the agent's own first message and prompt", async () => {
    const { contacts } = await clinicWith(1);
    const { status, body } = await schedule({ contactIds: contacts.map((c) => c.id) });
    expect(status).toBe(201);
    expect(body.batch!.script).toEqual({ firstMessage: null, prompt: null, variables: {} });
    await dialAll(body.batch!.id);
    expect(dials()).toHaveLength(1);
    expect(dials()[0]!.conversation_initiation_client_data.conversation_config_override).toBeUndefined();
  });

  it("only a prompt: the override carries the prompt alone", async () => {
    const { contacts } = await clinicWith(1);
    const { body } = await schedule({ contactIds: contacts.map((c) => c.id), script: { prompt: SCRIPT.prompt, firstMessage: "   " } });
    await dialAll(body.batch!.id);
    expect(dials()[0]!.conversation_initiation_client_data.conversation_config_override).toEqual({ agent: { prompt: { prompt: SCRIPT.prompt } } });
  });

  it("an agent that forbids overrides: 422 with a plain message, in the preview too, and nothing written", async () => {
    harness.simulator.configure({ overridesEnabled: false });
    const { organization, contacts } = await clinicWith(2);
    const ids = contacts.map((c) => c.id);
    for (const dryRun of [true, false]) {
      const { status, body } = await schedule({ contactIds: ids, script: SCRIPT }, dryRun);
      expect(status).toBe(422);
      expect(body.detail).toMatch(/does not allow its first message and prompt to be replaced/);
      expect(body.issues?.map((issue) => issue.path)).toEqual(["script.firstMessage", "script.prompt"]);
    }
    expect(await getDb().callBatch.count({ where: { organizationId: organization.id } })).toBe(0);
    expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id } })).toBe(0);

    // Variables alone need no override: allowed.
    const allowed = await schedule({ contactIds: ids, script: { variables: SCRIPT.variables } });
    expect(allowed.status).toBe(201);
  });

  it.each([
    ["a per-contact variable name", { variables: { contact_name: "Everyone" } }, "script.variables.contact_name"],
    ["a name that is not snake_case", { variables: { "Clinic Address": "x" } }, "script.variables.Clinic Address"],
    ["a system__ name", { variables: { system__caller_id: "x" } }, "script.variables.system__caller_id"],
    ["a first message too long", { firstMessage: "x".repeat(1_001) }, "script.firstMessage"],
    ["a prompt too long", { prompt: "x".repeat(10_001) }, "script.prompt"],
    ["a value too long", { variables: { clinic_address: "x".repeat(501) } }, "script.variables.clinic_address"],
    ["too many variables", { variables: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`v${i}`, "x"])) }, "script.variables"],
    ["an unknown field", { greeting: "Hi" }, "script"],
  ])("refuses %s with 400, nothing written", async (_what, script, path) => {
    const { organization, contacts } = await clinicWith(1);
    const { status, body } = await schedule({ contactIds: contacts.map((c) => c.id), script });
    expect(status).toBe(400);
    expect(body.issues?.map((issue) => issue.path)).toContain(path);
    expect(await getDb().callBatch.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it.each([["contact_name"], ["clinic_name"], ["greeting"], ["previous_conversation_id"]])(
    "refuses %s in a batch's dynamicVariables too, saying why: one value would be said to every patient (or read them another's call)",
    async (key) => {
      const { organization, contacts } = await clinicWith(2);
      for (const dryRun of [true, false]) {
        const { status, body } = await schedule({ contactIds: contacts.map((c) => c.id), dynamicVariables: { [key]: "Everyone" } }, dryRun);
        expect(status).toBe(400);
        expect(body.issues).toContainEqual(
          expect.objectContaining({ path: `dynamicVariables.${key}`, message: `${key}: This name is filled in for each contact already; pick another` }),
        );
      }
      expect(await getDb().callBatch.count({ where: { organizationId: organization.id } })).toBe(0);
    },
  );

  it("refuses a variable set both in dynamicVariables and in the script", async () => {
    const { contacts } = await clinicWith(1);
    const { status, body } = await schedule({
      contactIds: contacts.map((c) => c.id),
      dynamicVariables: { clinic_address: "a" },
      script: { variables: { clinic_address: "b" } },
    });
    expect(status).toBe(400);
    expect(body.issues?.map((issue) => issue.path)).toContain("script.variables");
  });
});
