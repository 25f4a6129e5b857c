import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { addDoNotCallNumber } from "@/lib/compliance/do-not-call/add-do-not-call-number";
import { lockDoNotCallForDial } from "@/lib/compliance/do-not-call/do-not-call-lock";
import { importDoNotCall } from "@/lib/compliance/do-not-call/import-do-not-call";
import { recordOptOut } from "@/lib/compliance/do-not-call/record-opt-out";
import { createContact as createContactByStaff } from "@/lib/contacts/create-contact";
import { importContacts } from "@/lib/contacts/import/import-contacts";
import { createContactSchema, updateContactSchema } from "@/lib/contacts/schemas";
import { updateContact } from "@/lib/contacts/update-contact";
import { createContact, createOrganization } from "../../factories";
import { csv } from "../../factories/contacts";

const STAFF = { userId: "user_staff", email: "staff@example.test", role: "STAFF" as const };
const bytes = (text: string) => new TextEncoder().encode(text);
const listed = (organizationId: string, phoneNumber: string) => getDb().doNotCallEntry.count({ where: { organizationId, phoneNumber } });

/**
 * Runs `change` while a dial of the clinic holds the do-not-call lock (shared, as the dispatcher's attempt and
 * "Call now" take it): says whether the change had committed before the dial's transaction ended.
 */
async function whileDialHoldsLock(organizationId: string, change: () => Promise<unknown>): Promise<{ doneBeforeDialEnded: boolean }> {
  let done = false;
  let running: Promise<unknown> | null = null;
  let doneBeforeDialEnded = true;
  await getDb().$transaction(async (tx) => {
    await lockDoNotCallForDial(tx, organizationId);
    running = change().then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    doneBeforeDialEnded = done;
  });
  await running;
  expect(done).toBe(true);
  return { doneBeforeDialEnded };
}

// PGlite serves one connection at a time: a second connection waits for the whole transaction there, lock or not.
describe.runIf(inject("databaseKind") === "postgres")("every change that makes a patient uncallable commits under the clinic's do-not-call lock", () => {
  it("staff adding a number in Settings", async () => {
    const organization = await createOrganization();
    const waited = await whileDialHoldsLock(organization.id, () => addDoNotCallNumber(organization, STAFF, { phoneNumber: "+61255506001", reason: null }));
    expect(waited).toEqual({ doneBeforeDialEnded: false });
    expect(await listed(organization.id, "+61255506001")).toBe(1);
  });

  it("an opt-out heard in a call (the agent's tool, the post-call analysis)", async () => {
    const organization = await createOrganization();
    const optOut = () =>
      recordOptOut({
        organizationId: organization.id,
        phoneNumber: "+61255506002",
        source: "CALL_ANALYSIS",
        callId: null,
        conversationId: null,
        evidence: "stop calling me",
      });
    expect(await whileDialHoldsLock(organization.id, optOut)).toEqual({ doneBeforeDialEnded: false });
    expect(await listed(organization.id, "+61255506002")).toBe(1);
  });

  it("an import of the list: one lock for the whole file", async () => {
    const organization = await createOrganization();
    const file = bytes(csv(["phone"], [["+61255506003"], ["+61255506004"]]));
    const waited = await whileDialHoldsLock(organization.id, () => importDoNotCall(organization, STAFF, file, { mode: "all_or_nothing", dryRun: false }));
    expect(waited).toEqual({ doneBeforeDialEnded: false });
    expect(await getDb().doNotCallEntry.count({ where: { organizationId: organization.id } })).toBe(2);
  });

  it("a contact's consent set to none, or its do-not-call tick, on the form; other edits do not wait", async () => {
    const organization = await createOrganization();
    const patient = await createContact(organization.id, { name: "Pat Form" });
    const edit = (input: Record<string, unknown>) => () => updateContact(organization, STAFF, patient.id, updateContactSchema.parse(input));
    expect(await whileDialHoldsLock(organization.id, edit({ consentBasis: "NONE" }))).toEqual({ doneBeforeDialEnded: false });
    expect(await whileDialHoldsLock(organization.id, edit({ doNotCall: true }))).toEqual({ doneBeforeDialEnded: false });
    expect(await listed(organization.id, patient.phoneNumber)).toBe(1);
    expect(await whileDialHoldsLock(organization.id, edit({ name: "Pat Renamed", consentBasis: "CARE_REMINDERS" }))).toEqual({ doneBeforeDialEnded: true });
    // A listed contact's new number is listed too (carried over), under the lock; a number change of an unlisted one does not wait.
    const moved = await whileDialHoldsLock(organization.id, edit({ phoneNumber: "+61255506009" }));
    expect(moved).toEqual({ doneBeforeDialEnded: false });
    expect(await listed(organization.id, "+61255506009")).toBe(1);
    const unlisted = await createContact(organization.id, { name: "Una Listed" });
    const movedFreely = () => updateContact(organization, STAFF, unlisted.id, updateContactSchema.parse({ phoneNumber: "+61255506010" }));
    expect(await whileDialHoldsLock(organization.id, movedFreely)).toEqual({ doneBeforeDialEnded: true });
    const created = () =>
      createContactByStaff(organization, STAFF, createContactSchema.parse({ name: "New Listed", phoneNumber: "+61255506005", doNotCall: true }));
    expect(await whileDialHoldsLock(organization.id, created)).toEqual({ doneBeforeDialEnded: false });
  });

  it("the contacts import with a do-not-call column or a consent of none; a file with neither does not wait", async () => {
    const organization = await createOrganization();
    const run = (rows: string[][]) => () =>
      importContacts(organization, bytes(csv(["name", "phone", "consent", "do_not_call"], rows)), { mode: "all_or_nothing", dryRun: false }, STAFF);
    expect(await whileDialHoldsLock(organization.id, run([["Ann Listed", "+61255506006", "", "yes"]]))).toEqual({ doneBeforeDialEnded: false });
    expect(await whileDialHoldsLock(organization.id, run([["Ben None", "+61255506007", "none", ""]]))).toEqual({ doneBeforeDialEnded: false });
    expect(await whileDialHoldsLock(organization.id, run([["Cat Care", "+61255506008", "care reminders", ""]]))).toEqual({ doneBeforeDialEnded: true });
    expect(await listed(organization.id, "+61255506006")).toBe(1);
  });
});
