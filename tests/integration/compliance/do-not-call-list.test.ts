import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listRoute, POST as addRoute } from "@/app/api/do-not-call/route";
import { DELETE as removeRoute } from "@/app/api/do-not-call/[id]/route";
import { POST as importRoute } from "@/app/api/do-not-call/import/route";
import { POST as createContactRoute } from "@/app/api/contacts/route";
import { GET as getContactRoute, PATCH as patchContactRoute } from "@/app/api/contacts/[id]/route";
import { POST as contactImportRoute } from "@/app/api/contacts/import/route";
import { POST as testCallRoute } from "@/app/api/organizations/test-call/route";
import { getDb } from "@/lib/db";
import { IMPORT_CHECK_SLICE_ROWS } from "@/lib/contacts/import/limits";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { createContact, createMember } from "../../factories";
import { csv } from "../../factories/contacts";
import { listDoNotCall } from "../../factories/do-not-call";
import { registerLine } from "../../factories/lines";
import { addMember } from "../../factories/settings";
import { importRequest, withParams } from "../contacts/helpers";
import { callRoute, signInAs } from "../helpers/session";

// Each phone check notes how many turns the event loop has taken so far: a file checked in one piece shows
// the same count from its first row to its last, whatever the machine's speed.
const loop = vi.hoisted(() => ({ turns: 0, atChecks: [] as number[] }));
vi.mock("@/lib/contacts/normalize-phone", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/contacts/normalize-phone")>();
  return {
    ...original,
    normalizePhone: (...args: Parameters<typeof original.normalizePhone>) => {
      loop.atChecks.push(loop.turns);
      return original.normalizePhone(...args);
    },
  };
});

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;
const entries = (organizationId: string) => getDb().doNotCallEntry.findMany({ where: { organizationId }, orderBy: { phoneNumber: "asc" } });
const uploadTo = (route: typeof importRoute, text: string, query: Record<string, string> = {}) =>
  route(importRequest({ raw: text, contentType: "text/csv" }, query), withParams({}));

describe("the do-not-call list in settings", () => {
  it("adds a number (contact or not) once: a second add changes nothing; a malformed number is a 400", async () => {
    const { user, organization } = await createMember("STAFF");
    signInAs(user);
    const first = await callRoute(addRoute, { method: "POST", body: { phoneNumber: "0491 570 156", reason: "Asked by letter" } });
    expect(first.status).toBe(201);
    expect(await json(first)).toMatchObject({
      added: true,
      entry: { phoneNumber: "+61491570156", reason: "Asked by letter", source: "STAFF", addedByEmail: user.email },
    });
    const again = await callRoute(addRoute, { method: "POST", body: { phoneNumber: "+61 491 570 156", reason: "Other reason" } });
    expect(again.status).toBe(200);
    expect(await json(again)).toMatchObject({ added: false, entry: { reason: "Asked by letter" } });
    expect(await entries(organization.id)).toHaveLength(1);
    expect(await getDb().auditEvent.count({ where: { organizationId: organization.id, action: "DO_NOT_CALL_ADDED" } })).toBe(1);

    const bad = await callRoute(addRoute, { method: "POST", body: { phoneNumber: "call me never" } });
    expect(bad.status).toBe(400);
    expect((await json(bad)).detail).toMatch(/not a phone number/);
    expect(await entries(organization.id)).toHaveLength(1);
  });

  it("lists newest first by keyset, naming the contact with the number; only admins take a number off; another clinic's entry is a 404", async () => {
    const { user: owner, organization } = await createMember("OWNER");
    const staff = await addMember(organization.id, "STAFF");
    const numbers = Array.from({ length: 5 }, (_, i) => `+6125553000${i}`);
    for (const [i, phone] of numbers.entries()) await listDoNotCall(organization.id, [phone], { createdAt: new Date(Date.UTC(2026, 10, 1 + i)) });
    await getDb().contact.create({ data: { organizationId: organization.id, name: "Listed Lou", phoneNumber: numbers[4]!, customFields: {} } });
    signInAs(owner);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await callRoute(listRoute, { url: `http://localhost/api/do-not-call?limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { entries: { phoneNumber: string; contact: { name: string } | null }[]; nextCursor: string | null };
      if (pages === 0) expect(page.entries[0]).toMatchObject({ phoneNumber: numbers[4], contact: { name: "Listed Lou" } });
      seen.push(...page.entries.map((e) => e.phoneNumber));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual([...numbers].reverse());
    expect(pages).toBe(3);
    expect((await callRoute(listRoute, { url: "http://localhost/api/do-not-call?cursor=garbage" })).status).toBe(400);

    const entry = await getDb().doNotCallEntry.findFirstOrThrow({ where: { organizationId: organization.id, phoneNumber: numbers[0] } });
    signInAs(staff.user);
    expect((await callRoute(removeRoute, { method: "DELETE", params: { id: entry.id } })).status).toBe(403);
    signInAs(owner);
    expect((await callRoute(removeRoute, { method: "DELETE", params: { id: entry.id } })).status).toBe(204);
    expect((await callRoute(removeRoute, { method: "DELETE", params: { id: entry.id } })).status).toBe(404);
    expect(await getDb().auditEvent.findFirstOrThrow({ where: { organizationId: organization.id, action: "DO_NOT_CALL_REMOVED" } })).toMatchObject({
      targetId: entry.id,
      actorUserId: owner.id,
    });

    const other = await createMember("OWNER");
    await listDoNotCall(other.organization.id, ["+61255530009"]);
    const theirs = await getDb().doNotCallEntry.findFirstOrThrow({ where: { organizationId: other.organization.id } });
    expect((await callRoute(removeRoute, { method: "DELETE", params: { id: theirs.id } })).status).toBe(404);
    expect(await getDb().doNotCallEntry.count({ where: { id: theirs.id } })).toBe(1);
  });
});

describe("importing numbers for the do-not-call list", () => {
  const file = csv(
    ["Phone", "Reason"],
    [
      ["0491 570 156", "Letter"],
      ["not a number", ""],
      ["", "no number"],
      ["+61 491 570 157", ""],
      ["0491570156", "Repeat in the file"],
    ],
  );

  it("reports malformed rows like the contacts import and adds nothing unless asked for the valid rows only", async () => {
    const { user, organization } = await createMember("STAFF");
    signInAs(user);
    const refused = await uploadTo(importRoute, file);
    expect(refused.status).toBe(400);
    const problem = await json(refused);
    expect(problem.detail).toMatch(/2 rows have problems, so no number was added/);
    expect((problem.report as Json).errors).toEqual([
      { row: 3, column: "Phone", message: '"not a number" is not a phone number: it contains letters.' },
      { row: 4, column: "Phone", message: "The phone number is empty." },
    ]);
    // Nothing was added, and none of the valid numbers is on the list yet: the report says so.
    expect(problem.report).toMatchObject({ rows: 5, invalidRows: 2, added: 0, alreadyListed: 1 });
    expect(await entries(organization.id)).toEqual([]);

    await listDoNotCall(organization.id, ["+61491570157"], { reason: "Already there" });
    const refusedAgain = await json(await uploadTo(importRoute, file));
    expect(refusedAgain.report).toMatchObject({ added: 0, alreadyListed: 2 });
    const ok = await uploadTo(importRoute, file, { mode: "valid_only" });
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ rows: 5, invalidRows: 2, added: 1, alreadyListed: 2 });
    expect((await entries(organization.id)).map((e) => [e.phoneNumber, e.reason, e.source])).toEqual([
      ["+61491570156", "Letter", "IMPORT"],
      ["+61491570157", "Already there", "STAFF"],
    ]);
    // The same file again: nothing new, nothing changed.
    expect(await json(await uploadTo(importRoute, file, { mode: "valid_only" }))).toMatchObject({ added: 0, alreadyListed: 3 });
    expect(await getDb().auditEvent.count({ where: { organizationId: organization.id, action: "DO_NOT_CALL_IMPORTED" } })).toBe(1);
  });

  it("dry-runs a file of 40,000 numbers (more than one statement's parameters), counting those already listed", async () => {
    const { user, organization } = await createMember("STAFF");
    signInAs(user);
    const numbers = Array.from({ length: 40_000 }, (_, i) => `+614${String(10_000_000 + i).slice(-8)}`);
    await listDoNotCall(organization.id, [numbers[0]!, numbers[39_999]!]);
    const res = await uploadTo(importRoute, `phone\n${numbers.join("\n")}\n`, { dryRun: "1" });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ dryRun: true, rows: 40_000, invalidRows: 0, added: 39_998, alreadyListed: 2 });
    expect(await entries(organization.id)).toHaveLength(2);
  });

  it("checks a 100,000-row file in slices: the event loop takes a turn every slice", async () => {
    const { user } = await createMember("STAFF");
    signInAs(user);
    const numbers = Array.from({ length: 100_000 }, (_, i) => `+614${String(10_000_000 + i).slice(-8)}`);
    let running = true;
    const tick = () => {
      loop.turns += 1;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    loop.atChecks = [];
    const res = await uploadTo(importRoute, `phone\n${numbers.join("\n")}\n`, { dryRun: "1" });
    running = false;
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ rows: 100_000, added: 100_000 });
    // Reading 100,000 numbers in one piece held every other request for ~2.4 s.
    expect(loop.atChecks).toHaveLength(100_000);
    expect(loop.atChecks.at(-1)! - loop.atChecks[0]!).toBeGreaterThanOrEqual(100_000 / IMPORT_CHECK_SLICE_ROWS - 1);
  });

  it("refuses a file without a phone column in words", async () => {
    const { user } = await createMember("STAFF");
    signInAs(user);
    const res = await uploadTo(importRoute, csv(["who", "why"], [["x", "y"]]));
    expect(res.status).toBe(400);
    expect((await json(res)).detail).toMatch(/No column holds phone numbers/);
  });
});

describe("consent and the do-not-call tick on a contact", () => {
  it("the form saves consent; its tick puts the number on the list and only an admin's untick takes it off", async () => {
    const { user: admin, organization } = await createMember("ADMIN");
    const staff = await addMember(organization.id, "STAFF");
    signInAs(staff.user);
    const created = await callRoute(createContactRoute, {
      method: "POST",
      body: {
        name: "Consenting Cara",
        phoneNumber: "0491 570 160",
        consentBasis: "CARE_REMINDERS",
        consentSource: "Intake form",
        consentDate: "2026-11-03",
        doNotCall: true,
        doNotCallReason: "Asked at the desk",
      },
    });
    expect(created.status).toBe(201);
    const { contact } = (await created.json()) as { contact: Json };
    expect(contact).toMatchObject({
      consentBasis: "CARE_REMINDERS",
      consentSource: "Intake form",
      consentDate: "2026-11-03T00:00:00.000Z",
      doNotCall: true,
      doNotCallReason: "Asked at the desk",
    });
    expect(await entries(organization.id)).toMatchObject([
      { phoneNumber: "+61491570160", reason: "Asked at the desk", source: "STAFF", addedByUserId: staff.user.id },
    ]);

    const id = contact.id as string;
    const refused = await callRoute(patchContactRoute, { method: "PATCH", params: { id }, body: { doNotCall: false } });
    expect(refused.status).toBe(403);
    expect(await entries(organization.id)).toHaveLength(1);

    const badDate = await callRoute(patchContactRoute, { method: "PATCH", params: { id }, body: { consentDate: "03/11/2026", consentBasis: "sometimes" } });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(await json(badDate))).toMatch(/is not a date/);

    signInAs(admin);
    const cleared = await callRoute(patchContactRoute, { method: "PATCH", params: { id }, body: { doNotCall: false, consentBasis: "NONE" } });
    expect(cleared.status).toBe(200);
    expect(((await cleared.json()) as { contact: Json }).contact).toMatchObject({
      doNotCall: false,
      doNotCallReason: null,
      consentBasis: "NONE",
      consentSource: "Intake form",
    });
    expect(await entries(organization.id)).toEqual([]);

    // A number put on the list in settings shows on the contact: the list is the one source.
    await callRoute(addRoute, { method: "POST", body: { phoneNumber: "+61491570160", reason: "Phoned to opt out" } });
    const shown = await callRoute(getContactRoute, { params: { id } });
    expect(((await shown.json()) as { contact: Json }).contact).toMatchObject({ doNotCall: true, doNotCallReason: "Phoned to opt out" });
  });

  it("the contacts import takes consent columns and a do-not-call column, with row errors for bad values", async () => {
    const { user, organization } = await createMember("STAFF");
    signInAs(user);
    const text = csv(
      ["name", "phone", "consent", "consent_source", "consent_date", "do_not_call"],
      [
        ["Rem Reed", "0491 570 161", "Care reminders", "Intake form", "2026-10-01", ""],
        ["Mark Mo", "0491 570 162", "marketing", "", "", "yes"],
        ["Bad Basis", "0491 570 163", "whenever", "", "2026-13-40", ""],
      ],
    );
    const refused = await contactImportRoute(importRequest({ raw: text, contentType: "text/csv" }), withParams({}));
    expect(refused.status).toBe(400);
    const errors = ((await json(refused)).report as Json).errors as Json[];
    expect(errors).toEqual([
      { row: 4, column: "consent", message: '"whenever" is not a consent basis: use care reminders, marketing or none.' },
      { row: 4, column: "consent_date", message: '"2026-13-40" is not a date. Use YYYY-MM-DD, such as 2026-11-03' },
    ]);
    const ok = await contactImportRoute(importRequest({ raw: text, contentType: "text/csv" }, { mode: "valid_only" }), withParams({}));
    expect(await json(ok)).toMatchObject({ created: 2, invalidRows: 1 });
    const rows = await getDb().contact.findMany({
      where: { organizationId: organization.id },
      orderBy: { name: "asc" },
      select: { name: true, consentBasis: true, consentSource: true, consentDate: true },
    });
    expect(rows).toEqual([
      { name: "Mark Mo", consentBasis: "MARKETING", consentSource: null, consentDate: null },
      { name: "Rem Reed", consentBasis: "CARE_REMINDERS", consentSource: "Intake form", consentDate: new Date("2026-10-01T00:00:00Z") },
    ]);
    expect((await entries(organization.id)).map((e) => [e.phoneNumber, e.source])).toEqual([["+61491570162", "IMPORT"]]);
  });
});

describe("the test call refuses a listed number", () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await createSimulator({ latencyMs: 0, callDurationMs: 60_000, failureRate: 0, webhookUrl: null, seed: 5 });
    Object.assign(process.env, { ELEVENLABS_API_BASE_URL: simulator.url, ELEVENLABS_TIMEOUT_MS: "2000", ELEVENLABS_API_KEY: "k" });
  });
  afterAll(() => simulator.close());

  it("answers 409 in plain words and rings nobody", async () => {
    const { user, organization } = await createMember("ADMIN");
    await registerLine(organization.id);
    await listDoNotCall(organization.id, ["+61255501239"]);
    signInAs(user);
    const res = await callRoute(testCallRoute, { method: "POST", body: { phoneNumber: "(02) 5550 1239" } });
    expect(res.status).toBe(409);
    expect((await json(res)).detail).toMatch(/on the do-not-call list, so Callboard won't call it/);
    expect(simulator.dialsTo("+61255501239")).toBe(0);
    expect(await getDb().call.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("refuses the number of a patient whose consent is none, in plain words, and rings nobody", async () => {
    const { user, organization } = await createMember("ADMIN");
    await registerLine(organization.id);
    await createContact(organization.id, { name: "Nora Noconsent", phoneNumber: "+61255501238", consentBasis: "NONE" });
    signInAs(user);
    const res = await callRoute(testCallRoute, { method: "POST", body: { phoneNumber: "(02) 5550 1238" } });
    expect(res.status).toBe(409);
    expect((await json(res)).detail).toBe(
      "This number is Nora Noconsent's, who has agreed to no calls (their consent is recorded as none), so Callboard won't call it, not even for a test. Use another number.",
    );
    expect(simulator.dialsTo("+61255501238")).toBe(0);
    expect(await getDb().call.count({ where: { organizationId: organization.id } })).toBe(0);
  });
});
