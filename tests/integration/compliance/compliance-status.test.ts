import { describe, expect, it } from "vitest";
import { complianceStatus } from "@/lib/compliance/compliance-status";
import { getDb } from "@/lib/db";
import { createMember } from "../../factories";
import { listDoNotCall } from "../../factories/do-not-call";
import { createContacts } from "../../factories/contacts";
import { CONTACT_COUNT_CAP } from "@/lib/contacts/count-contacts";
import { unrecordedConsentCount } from "@/lib/compliance/status/consent-line";
import { indexesPlannedFor } from "../helpers/plan-indexes";

describe("the compliance panel's lines", () => {
  it("says in plain words what is on: calling hours, the list's size, opt-outs this month, the webhook secret", async () => {
    const { organization } = await createMember("OWNER");
    const now = new Date();
    await listDoNotCall(organization.id, ["+61491570191", "+61491570192"]);
    await listDoNotCall(organization.id, ["+61491570193"], { source: "AGENT_OPT_OUT" });
    await listDoNotCall(organization.id, ["+61491570194"], { source: "CALL_ANALYSIS", createdAt: new Date(+now - 40 * 86_400_000) });
    const saved = process.env.ELEVENLABS_WEBHOOK_SECRET;
    const savedKey = process.env.TRANSCRIPT_ENCRYPTION_KEY;
    delete process.env.ELEVENLABS_WEBHOOK_SECRET;
    delete process.env.TRANSCRIPT_ENCRYPTION_KEY;
    try {
      const lines = await complianceStatus(organization.id, now);
      expect(lines.map((line) => [line.label, line.on])).toEqual([
        ["Calling hours", true],
        ["Do-not-call list", true],
        ["Consent", true],
        ["Opt-outs in calls", true],
        ["Post-call webhook secret", false],
        ["Calls per patient", true],
        ["Transcript retention", true],
        ["Transcript encryption key", false],
      ]);
      expect(lines[6]!.detail).toMatch(/older than 365 days are deleted/);
      expect(lines[7]!.detail).toMatch(/public development key/);
      expect(lines[5]!.detail).toMatch(
        /^At most 1 a day and 3 in 7 days, in the patient's own time; a call over the limit moves to the next allowed time\. Florida and Oklahoma/,
      );
      expect(lines[1]!.detail).toMatch(/^4 numbers on the list/);
      expect(lines[3]!.detail).toMatch(/^1 this month/);
      await getDb().organization.update({ where: { id: organization.id }, data: { callingDays: [] } });
      process.env.ELEVENLABS_WEBHOOK_SECRET = "whsec_x";
      const after = await complianceStatus(organization.id, now);
      expect(after.find((line) => line.label === "Calling hours")!.on).toBe(false);
      expect(after.find((line) => line.label === "Post-call webhook secret")!.on).toBe(true);
      process.env.TRANSCRIPT_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
      expect((await complianceStatus(organization.id, now)).find((line) => line.label === "Transcript encryption key")!.on).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.ELEVENLABS_WEBHOOK_SECRET;
      else process.env.ELEVENLABS_WEBHOOK_SECRET = saved;
      if (savedKey === undefined) delete process.env.TRANSCRIPT_ENCRYPTION_KEY;
      else process.env.TRANSCRIPT_ENCRYPTION_KEY = savedKey;
    }
  });

  it("the consent line: consent none is never called; contacts without recorded consent are counted, up to a cap", async () => {
    const { organization } = await createMember("OWNER");
    const consent = async () => (await complianceStatus(organization.id)).find((line) => line.label === "Consent")!;
    expect(await consent()).toEqual({
      label: "Consent",
      on: true,
      detail:
        "Contacts whose consent is “none” are never called: skipped when calls are scheduled and checked again right before every dial. Every contact has consent recorded.",
    });
    const [none, reminders] = await createContacts(organization.id, 4);
    await getDb().contact.update({ where: { id: none!.id }, data: { consentBasis: "NONE" } });
    await getDb().contact.update({ where: { id: reminders!.id }, data: { consentBasis: "CARE_REMINDERS" } });
    expect((await consent()).detail).toMatch(/ 2 contacts have no recorded consent: they are called, and the clinic answers for having it\.$/);
    await createContacts(organization.id, CONTACT_COUNT_CAP, () => ({}), 10);
    expect((await consent()).detail).toMatch(/ 10,000\+ contacts have no recorded consent/);
  });

  it("counts the contacts without recorded consent from an index of those alone, not by reading every contact", async () => {
    const { organization } = await createMember("OWNER");
    const contacts = await createContacts(organization.id, 300, () => ({}), 50_000);
    await getDb().contact.updateMany({ where: { id: { in: contacts.slice(3).map((c) => c.id) } }, data: { consentBasis: "CARE_REMINDERS" } });
    await getDb().$executeRaw`ANALYZE "Contact"`;
    expect(await indexesPlannedFor(unrecordedConsentCount(organization.id))).toEqual(["Contact_consent_unrecorded_idx"]);
  });
});
