import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/contacts/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/contacts/[id]/route";
import { getDb } from "@/lib/db";
import { createMember } from "../../factories";
import { createCall, createScheduledCall } from "../../factories/contacts";
import { callRoute, signInAs } from "../helpers/session";
import { addMember } from "../../factories/settings";

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;

describe("contacts CRUD", () => {
  let clinic: Awaited<ReturnType<typeof createMember>>;
  let other: Awaited<ReturnType<typeof createMember>>;

  beforeAll(async () => {
    clinic = await createMember("STAFF");
    other = await createMember("OWNER");
  });

  async function create(body: Json, as = clinic) {
    signInAs(as.user);
    return callRoute(createRoute, { method: "POST", url: "http://localhost/api/contacts", body });
  }

  it("creates a contact: phone in E.164 with the clinic's country, custom field keys in snake_case", async () => {
    const res = await create({
      name: "  Jane Citizen ",
      phoneNumber: "0491 570 156",
      email: "jane@example.com",
      businessName: "Newtown Bakery",
      businessWebsite: "newtownbakery.example.com",
      timezone: "Australia/Perth",
      doNotCall: false,
      doNotCallReason: "ignored while not do-not-call",
      customFields: [
        { key: "Appointment Type", value: "flu vaccination" },
        { key: "lastVisitDate", value: "2026-03-01" },
      ],
    });
    expect(res.status).toBe(201);
    const { contact } = (await json(res)) as { contact: Json };
    expect(contact).toMatchObject({
      name: "Jane Citizen",
      phoneNumber: "+61491570156",
      email: "jane@example.com",
      businessWebsite: "https://newtownbakery.example.com",
      timezone: "Australia/Perth",
      doNotCall: false,
      doNotCallReason: null,
      customFields: { appointment_type: "flu vaccination", last_visit_date: "2026-03-01" },
    });
    const stored = await getDb().contact.findUniqueOrThrow({ where: { id: contact.id as string } });
    expect(stored.organizationId).toBe(clinic.organization.id);
  });

  it("rejects an invalid number with a message that quotes what was typed", async () => {
    const res = await create({ name: "Sam", phoneNumber: "0491 570" });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({
      code: "invalid_input",
      issues: [{ path: "phoneNumber", message: expect.stringContaining('"0491 570" is not a valid phone number for AU') }],
    });
  });

  it("rejects bad fields one by one, with their paths", async () => {
    const res = await create({
      name: "",
      phoneNumber: "0491 570 157",
      email: "not-an-email",
      timezone: "Mars/Olympus",
      businessWebsite: "javascript:alert(1)",
    });
    expect(res.status).toBe(400);
    const paths = ((await json(res)).issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(["businessWebsite", "email", "name", "timezone"]);
  });

  it("answers a duplicate number with a 409 naming the contact who has it, however it was typed", async () => {
    await create({ name: "First Holder", phoneNumber: "(02) 5550 0001" });
    const res = await create({ name: "Second", phoneNumber: "+61 2 5550 0001" });
    expect(res.status).toBe(409);
    const body = await json(res);
    expect(body).toMatchObject({
      code: "conflict",
      detail: "(02) 5550 0001 already belongs to First Holder.",
      existingContact: { id: expect.any(String), name: "First Holder" },
      issues: [{ path: "phoneNumber", message: "(02) 5550 0001 already belongs to First Holder." }],
    });
  });

  it("lets another organization have the same number", async () => {
    expect((await create({ name: "Elsewhere", phoneNumber: "(02) 5550 0001" }, other)).status).toBe(201);
  });

  it("updates only the fields given; customFields replaces the set; clearing do-not-call clears the reason", async () => {
    const { contact } = (await json(
      await create({
        name: "Kim",
        phoneNumber: "0491 570 110",
        email: "kim@example.com",
        doNotCall: true,
        doNotCallReason: "Asked",
        customFields: { a: "1", b: "2" },
      }),
    )) as { contact: Json };
    signInAs(clinic.user);
    const patched = await callRoute(patchRoute, { method: "PATCH", params: { id: contact.id as string }, body: { name: "Kim Lee", customFields: { c: "3" } } });
    expect(patched.status).toBe(200);
    expect(((await json(patched)) as { contact: Json }).contact).toMatchObject({
      name: "Kim Lee",
      email: "kim@example.com",
      doNotCall: true,
      doNotCallReason: "Asked",
      customFields: { c: "3" },
    });

    // Taking a number off the do-not-call list is an admin's call, on the contact as on the list.
    const refused = await callRoute(patchRoute, { method: "PATCH", params: { id: contact.id as string }, body: { doNotCall: false, email: "" } });
    expect(refused.status).toBe(403);
    expect((await getDb().contact.findUniqueOrThrow({ where: { id: contact.id as string } })).email).toBe("kim@example.com");
    const { user: admin } = await addMember(clinic.organization.id, "ADMIN");
    signInAs(admin);
    const cleared = await callRoute(patchRoute, { method: "PATCH", params: { id: contact.id as string }, body: { doNotCall: false, email: "" } });
    expect(((await json(cleared)) as { contact: Json }).contact).toMatchObject({ doNotCall: false, doNotCallReason: null, email: null });
  });

  it("refuses to move a contact onto another contact's number (409) and an empty update (400)", async () => {
    const { contact } = (await json(await create({ name: "Mover", phoneNumber: "0491 570 111" }))) as { contact: Json };
    signInAs(clinic.user);
    const res = await callRoute(patchRoute, { method: "PATCH", params: { id: contact.id as string }, body: { phoneNumber: "02 5550 0001" } });
    expect(res.status).toBe(409);
    expect((await json(res)).detail).toBe("(02) 5550 0001 already belongs to First Holder.");
    expect((await callRoute(patchRoute, { method: "PATCH", params: { id: contact.id as string }, body: {} })).status).toBe(400);
  });

  it("reads one contact", async () => {
    const { contact } = (await json(await create({ name: "Reader", phoneNumber: "0491 570 112" }))) as { contact: Json };
    signInAs(clinic.user);
    const res = await callRoute(getRoute, { params: { id: contact.id as string } });
    expect(res.status).toBe(200);
    expect(((await json(res)) as { contact: Json }).contact).toMatchObject({ name: "Reader", phoneNumber: "+61491570112" });
  });

  it("deletes for good, keeps call history (link nulled) and drops scheduled calls", async () => {
    const { contact } = (await json(await create({ name: "Leaver", phoneNumber: "0491 570 113" }))) as { contact: Json };
    const id = contact.id as string;
    const call = await createCall(clinic.organization.id, id, { outcome: "appointment_booked", toNumber: "+61491570113" });
    const scheduled = await createScheduledCall(clinic.organization.id, id);
    signInAs(clinic.user);
    const res = await callRoute(deleteRoute, { method: "DELETE", params: { id } });
    expect(res.status).toBe(204);
    expect(await getDb().contact.findUnique({ where: { id } })).toBeNull();
    expect(await getDb().call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({
      contactId: null,
      outcome: "appointment_booked",
      toNumber: "+61491570113",
    });
    expect(await getDb().scheduledCall.findUnique({ where: { id: scheduled.id } })).toBeNull();
    expect((await callRoute(deleteRoute, { method: "DELETE", params: { id } })).status).toBe(404);
  });

  it("answers 404 for another organization's contact on GET, PATCH and DELETE, exactly as for a missing id, and changes nothing", async () => {
    const { contact } = (await json(await create({ name: "Other's", phoneNumber: "0491 570 114" }, other))) as { contact: Json };
    const foreign = contact.id as string;
    signInAs(clinic.user);
    const answers = await Promise.all([
      callRoute(getRoute, { params: { id: foreign } }),
      callRoute(patchRoute, { method: "PATCH", params: { id: foreign }, body: { name: "Hijacked" } }),
      callRoute(deleteRoute, { method: "DELETE", params: { id: foreign } }),
      callRoute(getRoute, { params: { id: "missing" } }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    const details = await Promise.all(answers.map(async (r) => (await json(r)).detail));
    expect(new Set(details).size).toBe(1);
    expect(await getDb().contact.findUniqueOrThrow({ where: { id: foreign } })).toMatchObject({ name: "Other's" });
  });

  it("needs a session", async () => {
    signInAs(null);
    expect((await callRoute(listRoute)).status).toBe(401);
    expect((await callRoute(createRoute, { method: "POST", body: { name: "x", phoneNumber: "0491 570 115" } })).status).toBe(401);
  });
});
