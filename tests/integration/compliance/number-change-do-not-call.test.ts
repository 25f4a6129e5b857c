import { describe, expect, it } from "vitest";
import { GET as getContactRoute, PATCH as patchContactRoute } from "@/app/api/contacts/[id]/route";
import { getDb } from "@/lib/db";
import { createContact, createMember } from "../../factories";
import { listDoNotCall } from "../../factories/do-not-call";
import { addMember } from "../../factories/settings";
import { callRoute, signInAs } from "../helpers/session";

type Json = Record<string, unknown>;
const entries = (organizationId: string) =>
  getDb().doNotCallEntry.findMany({ where: { organizationId }, orderBy: { phoneNumber: "asc" }, select: { phoneNumber: true, reason: true, source: true } });
const audit = (organizationId: string, action: "DO_NOT_CALL_ADDED" | "DO_NOT_CALL_REMOVED") =>
  getDb().auditEvent.findMany({ where: { organizationId, action }, orderBy: { createdAt: "asc" } });

/** A clinic with an admin, a staff member, and Ethan, whose number is on the list (the explore report's D5). */
async function listedPatient() {
  const { user: admin, organization } = await createMember("ADMIN");
  const staff = await addMember(organization.id, "STAFF");
  const ethan = await createContact(organization.id, { name: "Ethan Russo", phoneNumber: "+61255500080" });
  await listDoNotCall(organization.id, [ethan.phoneNumber], { reason: "Asked not to be called" });
  return { admin, staff: staff.user, organization, ethan };
}

describe("changing a listed contact's number keeps the patient off the calls", () => {
  it("staff change the number: the new number is listed too (same reason, carried over), the old entry stays, audited, and the answer says so", async () => {
    const { staff, organization, ethan } = await listedPatient();
    signInAs(staff);
    const res = await callRoute(patchContactRoute, { method: "PATCH", params: { id: ethan.id }, body: { phoneNumber: "(02) 5550 0580" } });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { contact: Json; doNotCallCarriedOver: Json | null };
    expect(answer.contact).toMatchObject({ phoneNumber: "+61255500580", doNotCall: true, doNotCallReason: "Asked not to be called" });
    expect(answer.doNotCallCarriedOver).toEqual({ fromPhoneNumber: "+61255500080", reason: "Asked not to be called" });
    expect(await entries(organization.id)).toEqual([
      { phoneNumber: "+61255500080", reason: "Asked not to be called", source: "STAFF" },
      { phoneNumber: "+61255500580", reason: "Asked not to be called", source: "NUMBER_CHANGED" },
    ]);
    const [added] = await audit(organization.id, "DO_NOT_CALL_ADDED");
    expect(added).toMatchObject({
      actorUserId: staff.id,
      targetType: "do_not_call_entry",
      data: { phoneNumber: "+61255500580", source: "NUMBER_CHANGED", previousPhoneNumber: "+61255500080", contactId: ethan.id },
    });

    // Staff still cannot take the patient off: unticking is the admin's.
    expect((await callRoute(patchContactRoute, { method: "PATCH", params: { id: ethan.id }, body: { doNotCall: false } })).status).toBe(403);
    // Changing it back (or again) carries nothing new and loses nothing.
    const back = await callRoute(patchContactRoute, { method: "PATCH", params: { id: ethan.id }, body: { phoneNumber: "+61255500080" } });
    expect(((await back.json()) as { doNotCallCarriedOver: unknown }).doNotCallCarriedOver).toBeNull();
    expect(await entries(organization.id)).toHaveLength(2);
  });

  it("the form's tick sent as it was (ticked) with the new number carries the entry over the same way", async () => {
    const { staff, organization, ethan } = await listedPatient();
    signInAs(staff);
    const res = await callRoute(patchContactRoute, {
      method: "PATCH",
      params: { id: ethan.id },
      body: { phoneNumber: "+61255500581", doNotCall: true, doNotCallReason: "Asked not to be called" },
    });
    expect(res.status).toBe(200);
    expect(await entries(organization.id)).toMatchObject([{ phoneNumber: "+61255500080" }, { phoneNumber: "+61255500581", source: "NUMBER_CHANGED" }]);
    expect(await audit(organization.id, "DO_NOT_CALL_ADDED")).toHaveLength(1);
  });

  it("staff unticking while changing the number get the admin-only 403 and nothing is saved; an admin may, and the old entry comes off, audited", async () => {
    const { admin, staff, organization, ethan } = await listedPatient();
    signInAs(staff);
    const refused = await callRoute(patchContactRoute, { method: "PATCH", params: { id: ethan.id }, body: { phoneNumber: "+61255500582", doNotCall: false } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Json).detail).toBe("Only an admin can take a number off the do-not-call list.");
    const unchanged = (await (await callRoute(getContactRoute, { params: { id: ethan.id } })).json()) as { contact: Json };
    expect(unchanged.contact).toMatchObject({ phoneNumber: "+61255500080", doNotCall: true });
    expect(await entries(organization.id)).toHaveLength(1);

    signInAs(admin);
    const allowed = await callRoute(patchContactRoute, { method: "PATCH", params: { id: ethan.id }, body: { phoneNumber: "+61255500582", doNotCall: false } });
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { contact: Json }).contact).toMatchObject({ phoneNumber: "+61255500582", doNotCall: false });
    expect(await entries(organization.id)).toEqual([]);
    expect(await audit(organization.id, "DO_NOT_CALL_REMOVED")).toMatchObject([{ actorUserId: admin.id, before: { phoneNumber: "+61255500080" } }]);
  });

  it("a contact not on the list changes number freely: nothing listed, nothing audited", async () => {
    const { staff, organization } = await listedPatient();
    const other = await createContact(organization.id, { name: "Olive Free", phoneNumber: "+61255500090" });
    signInAs(staff);
    const res = await callRoute(patchContactRoute, { method: "PATCH", params: { id: other.id }, body: { phoneNumber: "+61255500590" } });
    expect(await res.json()).toMatchObject({ contact: { doNotCall: false }, doNotCallCarriedOver: null });
    expect(await entries(organization.id)).toHaveLength(1);
    expect(await audit(organization.id, "DO_NOT_CALL_ADDED")).toEqual([]);
  });
});
