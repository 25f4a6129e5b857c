import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as triggerRoute } from "@/app/api/calls/trigger/route";
import { getDb } from "@/lib/db";
import { openCallColumn } from "@/lib/calls/history/sealed-call-fields";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { createContact, createMember, registerLine } from "../../factories";
import { createDispatchOrganization, createDueCalls } from "../../factories/dispatch";
import { callRoute, signInAs } from "../helpers/session";
import { startDispatchHarness, type DispatchHarness } from "../dispatch/harness";

type Dial = {
  conversation_initiation_client_data: {
    dynamic_variables: Record<string, string>;
    conversation_config_override?: { agent?: { language?: string; first_message?: string } };
  };
};
const DEVANAGARI = /[\u0900-\u097F]/;

describe("the patient's language in the dial", () => {
  describe("Call now", () => {
    let simulator: Simulator;
    let member: Awaited<ReturnType<typeof createMember>>;
    const saved = { ...process.env };

    beforeAll(async () => {
      simulator = await createSimulator({ latencyMs: 0, callDurationMs: 60_000, failureRate: 0, webhookUrl: null, seed: 3 });
      Object.assign(process.env, { ELEVENLABS_API_KEY: "test-key", ELEVENLABS_API_BASE_URL: simulator.url, ELEVENLABS_TIMEOUT_MS: "1000" });
    });
    afterAll(async () => {
      process.env = saved;
      await simulator.close();
    });
    beforeEach(async () => {
      member = await createMember("STAFF"); // an en-AU clinic in Sydney
      await registerLine(member.organization.id);
      signInAs(member.user);
    });
    afterEach(() => simulator.reset());

    const dialFor = async (contactId: string) => {
      const res = await callRoute(triggerRoute, { method: "POST", body: { contactId } });
      expect(res.status).toBe(201);
      return simulator.requests.filter((r) => r.path === "/v1/convai/twilio/outbound-call").at(-1)!.body as Dial;
    };

    it("sends a hi-IN patient's call with the language override and Hindi greeting, date and time", async () => {
      const contact = await createContact(member.organization.id, { name: "Asha Verma" });
      await getDb().contact.update({ where: { id: contact.id }, data: { language: "hi-IN" } });
      const dial = await dialFor(contact.id);
      const data = dial.conversation_initiation_client_data;
      expect(data.conversation_config_override?.agent?.language).toBe("hi");
      expect(data.dynamic_variables).toMatchObject({ contact_name: "Asha Verma", language: "hi-IN" });
      expect(["सुप्रभात", "नमस्ते", "शुभ संध्या"]).toContain(data.dynamic_variables.greeting);
      expect(data.dynamic_variables.current_date).toMatch(/(जनवरी|फ़रवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|अक्तूबर|नवंबर|दिसंबर) \d{4}$/);
      expect(data.dynamic_variables.current_time).toMatch(/^(सुबह|दोपहर|शाम|रात) \d{1,2}:\d{2} बजे$/);
      expect(data.dynamic_variables.current_weekday).toMatch(DEVANAGARI);
    });

    it("sends an en-AU patient of an en-AU clinic in English, with no language override", async () => {
      const contact = await createContact(member.organization.id, { name: "Jane Doe" });
      await getDb().contact.update({ where: { id: contact.id }, data: { language: "en-AU" } });
      const data = (await dialFor(contact.id)).conversation_initiation_client_data;
      expect(data.conversation_config_override).toBeUndefined();
      expect(data.dynamic_variables).toMatchObject({ language: "en-AU" });
      expect(["Good morning", "Good afternoon", "Good evening"]).toContain(data.dynamic_variables.greeting);
      expect(data.dynamic_variables.current_date).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/); // 22 November 2026
    });

    it("uses the clinic's default language for a contact without one", async () => {
      await getDb().organization.update({ where: { id: member.organization.id }, data: { defaultLanguage: "hi-IN" } });
      const contact = await createContact(member.organization.id);
      const data = (await dialFor(contact.id)).conversation_initiation_client_data;
      // The agent already speaks the clinic's language: no override, but the words are Hindi.
      expect(data.conversation_config_override).toBeUndefined();
      expect(data.dynamic_variables.language).toBe("hi-IN");
      expect(data.dynamic_variables.greeting).toMatch(DEVANAGARI);
    });
  });

  describe("the dispatcher", () => {
    let harness: DispatchHarness;
    beforeAll(async () => {
      harness = await startDispatchHarness({ outcomeMix: { appointment_booked: 1, callback_scheduled: 0, not_interested: 0, voicemail: 0 } });
    });
    afterAll(() => harness.close());

    it("dials a scheduled hi-IN patient with the language override and localized variables", async () => {
      const organization = await createDispatchOrganization();
      const [hindi, english] = await createDueCalls(organization.id, 2, { offset: 7100 });
      await getDb().contact.update({ where: { id: hindi!.id }, data: { language: "hi-IN" } });
      const res = await harness.runCron();
      expect(res.status).toBe(200);
      await harness.settle();
      const dials = harness.simulator.requests.filter((r) => r.path === "/v1/convai/twilio/outbound-call").map((r) => r.body as Dial & { to_number: string });
      const toHindi = dials.find((d) => d.to_number === hindi!.phoneNumber)!.conversation_initiation_client_data;
      const toEnglish = dials.find((d) => d.to_number === english!.phoneNumber)!.conversation_initiation_client_data;
      expect(toHindi.conversation_config_override?.agent?.language).toBe("hi");
      expect(toHindi.dynamic_variables.greeting).toMatch(DEVANAGARI);
      expect(toEnglish.conversation_config_override).toBeUndefined();
      expect(toEnglish.dynamic_variables.greeting).toMatch(/^Good (morning|afternoon|evening)$/);

      // The simulated call honours it: the hi-IN patient is greeted in Hindi, with the greeting Callboard sent.
      const calls = await getDb().call.findMany({
        where: { organizationId: organization.id, status: "COMPLETED" },
        select: { contactId: true, transcript: true },
      });
      // Transcripts are stored sealed: open them as the call page does.
      const firstLine = (contactId: string) =>
        (openCallColumn("transcript", calls.find((c) => c.contactId === contactId)!.transcript) as { role: string; message: string }[])[0]!;
      expect(firstLine(hindi!.id)).toMatchObject({
        role: "agent",
        message: expect.stringMatching(new RegExp(`^${toHindi.dynamic_variables.greeting}, क्या मेरी बात`)),
      });
      expect(firstLine(english!.id).message).toMatch(/^Good (morning|afternoon|evening), is this /);
    });
  });
});
