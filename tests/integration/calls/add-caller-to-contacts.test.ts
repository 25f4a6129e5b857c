import { beforeEach, describe, expect, it } from "vitest";
import { POST as addRoute } from "@/app/api/calls/[id]/contact/route";
import { getDb } from "@/lib/db";
import { saveablePatientNumber } from "@/lib/calls/saveable-patient-number";
import { createContact, createMember } from "../../factories";
import { callRoute, signInAs } from "../helpers/session";

const UNKNOWN = "+61255509001";
const CLINIC_LINE = "+61255501000";

/** A finished call with no contact; ids are cuids, as the route's id check expects. */
async function createCall(organizationId: string, data: { direction: "INBOUND" | "OUTBOUND"; fromNumber?: string; toNumber: string; contactId?: string }) {
  return getDb().call.create({ data: { organizationId, status: "COMPLETED", ...data }, select: { id: true } });
}

const add = async (id: string, body: unknown) => {
  const res = await callRoute(addRoute, { method: "POST", url: `http://localhost/api/calls/${id}/contact`, body, params: { id } });
  return {
    status: res.status,
    body: (await res.json()) as {
      contact?: { id: string; name: string; phoneNumber: string };
      created?: boolean;
      linkedCalls?: number;
      detail?: string;
      issues?: Array<{ path: string }>;
    },
  };
};

describe("POST /api/calls/[id]/contact (add the caller to contacts)", () => {
  let member: Awaited<ReturnType<typeof createMember>>;
  let other: Awaited<ReturnType<typeof createMember>>;

  beforeEach(async () => {
    member = await createMember("STAFF");
    other = await createMember("STAFF");
    signInAs(member.user);
  });

  it("creates the contact from an inbound caller's number and links every call of the clinic with that patient and no contact", async () => {
    const org = member.organization.id;
    const inbound = await createCall(org, { direction: "INBOUND", fromNumber: UNKNOWN, toNumber: CLINIC_LINE });
    const earlierInbound = await createCall(org, { direction: "INBOUND", fromNumber: UNKNOWN, toNumber: CLINIC_LINE });
    const outbound = await createCall(org, { direction: "OUTBOUND", fromNumber: CLINIC_LINE, toNumber: UNKNOWN });
    // Not this patient: an outbound call placed FROM that number's position, another caller, another clinic's call.
    const clinicSide = await createCall(org, { direction: "OUTBOUND", fromNumber: UNKNOWN, toNumber: "+61255509002" });
    const otherCaller = await createCall(org, { direction: "INBOUND", fromNumber: "+61255509003", toNumber: CLINIC_LINE });
    const foreign = await createCall(other.organization.id, { direction: "INBOUND", fromNumber: UNKNOWN, toNumber: "+61370101000" });

    const { status, body } = await add(inbound.id, { name: "  Nadia Caller " });
    expect(status).toBe(201);
    expect(body).toMatchObject({ created: true, linkedCalls: 3, contact: { name: "Nadia Caller", phoneNumber: UNKNOWN } });

    const contactOf = async (id: string) => (await getDb().call.findUniqueOrThrow({ where: { id }, select: { contactId: true } })).contactId;
    for (const call of [inbound, earlierInbound, outbound]) expect(await contactOf(call.id)).toBe(body.contact!.id);
    for (const call of [clinicSide, otherCaller, foreign]) expect(await contactOf(call.id)).toBeNull();
    expect(await getDb().contact.count({ where: { organizationId: other.organization.id } })).toBe(0);
  });

  it("is idempotent: a second request creates nothing, renames nothing and links nothing more", async () => {
    const call = await createCall(member.organization.id, { direction: "INBOUND", fromNumber: UNKNOWN, toNumber: CLINIC_LINE });
    const first = await add(call.id, { name: "Nadia Caller" });
    const second = await add(call.id, { name: "Someone Else" });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ created: false, linkedCalls: 0, contact: { id: first.body.contact!.id, name: "Nadia Caller" } });
    expect(await getDb().contact.count({ where: { organizationId: member.organization.id } })).toBe(1);
  });

  it("links the contact that already has the number instead of making a second one", async () => {
    const existing = await createContact(member.organization.id, { name: "Known Patient", phoneNumber: UNKNOWN });
    const call = await createCall(member.organization.id, { direction: "INBOUND", fromNumber: UNKNOWN, toNumber: CLINIC_LINE });
    const { status, body } = await add(call.id, { name: "New Name" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ created: false, linkedCalls: 1, contact: { id: existing.id, name: "Known Patient" } });
  });

  it("answers 404 for another clinic's call or an unknown id, and writes nothing", async () => {
    const foreign = await createCall(other.organization.id, { direction: "INBOUND", fromNumber: UNKNOWN, toNumber: "+61370101000" });
    for (const id of [foreign.id, "cm0000000000000000000000", "not-an-id"]) {
      const { status } = await add(id, { name: "Nadia Caller" });
      expect(status, id).toBe(404);
    }
    expect(await getDb().contact.count({ where: { organizationId: { in: [member.organization.id, other.organization.id] } } })).toBe(0);
    expect((await getDb().call.findUniqueOrThrow({ where: { id: foreign.id } })).contactId).toBeNull();
  });

  it("refuses bad input with a 400 naming the field, and writes nothing", async () => {
    const call = await createCall(member.organization.id, { direction: "INBOUND", fromNumber: UNKNOWN, toNumber: CLINIC_LINE });
    for (const body of [{}, { name: "   " }, { name: "x".repeat(201) }, { name: 42 }, "not json"]) {
      const res = await add(call.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.detail).toBeTruthy();
    }
    expect((await add(call.id, {})).body.issues?.[0]?.path).toBe("name");
    expect(await getDb().contact.count({ where: { organizationId: member.organization.id } })).toBe(0);
    expect((await getDb().call.findUniqueOrThrow({ where: { id: call.id } })).contactId).toBeNull();
  });

  it("answers 422 when the call has no patient number to save", async () => {
    const call = await createCall(member.organization.id, { direction: "INBOUND", toNumber: CLINIC_LINE });
    const { status, body } = await add(call.id, { name: "Nadia Caller" });
    expect(status).toBe(422);
    expect(body.detail).toMatch(/no patient number/);
    expect(await getDb().contact.count({ where: { organizationId: member.organization.id } })).toBe(0);
  });

  it('a withheld caller id ("anonymous") is no number either: 422, as the call\'s page, which offers no button, says by the same rule', async () => {
    const call = await createCall(member.organization.id, { direction: "INBOUND", fromNumber: "anonymous", toNumber: CLINIC_LINE });
    expect(saveablePatientNumber(await getDb().call.findUniqueOrThrow({ where: { id: call.id } }), "AU")).toBeNull();
    const { status } = await add(call.id, { name: "Withheld Person" });
    expect(status).toBe(422);
    expect(await getDb().contact.count({ where: { organizationId: member.organization.id } })).toBe(0);
  });
});
