import { describe, expect, it } from "vitest";
import { GET as exportCallsRoute } from "@/app/api/calls/export/route";
import { GET as exportContactsRoute } from "@/app/api/contacts/export/route";
import { getDb } from "@/lib/db";
import { createCalls } from "../../factories/calls";
import { createContact, createMember } from "../../factories";
import { callRoute, signInAs } from "../helpers/session";

const audit = (organizationId: string) => getDb().auditEvent.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" } });

describe("every export is in the audit log", () => {
  it("the calls CSV: who downloaded it, with the filter", async () => {
    const { user, organization } = await createMember("STAFF");
    await createCalls(organization.id, 2, () => ({ summary: "Asked about a referral", searchText: "Asked about a referral", outcome: "escalated" }));
    signInAs(user);
    const res = await callRoute(exportCallsRoute, { url: "http://localhost/api/calls/export?outcome=escalated&q=referral" });
    expect(res.status).toBe(200);
    expect((await res.text()).split("\n").filter(Boolean)).toHaveLength(3);
    expect(await audit(organization.id)).toEqual([
      expect.objectContaining({
        action: "CALLS_EXPORTED",
        actorUserId: user.id,
        actorEmail: user.email,
        targetType: "calls",
        data: { outcome: "escalated", q: "referral" },
      }),
    ]);
  });

  it("the contacts CSV: who downloaded it, with the search and sort; a refused export writes nothing", async () => {
    const { user, organization } = await createMember("STAFF");
    await createContact(organization.id, { name: "Export Person" });
    signInAs(user);
    const res = await callRoute(exportContactsRoute, { url: "http://localhost/api/contacts/export?q=Export" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Export Person");
    expect(await audit(organization.id)).toEqual([
      expect.objectContaining({ action: "CONTACTS_EXPORTED", actorUserId: user.id, targetType: "contacts", data: expect.objectContaining({ q: "Export" }) }),
    ]);
    const bad = await callRoute(exportCallsRoute, { url: "http://localhost/api/calls/export?from=nope" });
    expect(bad.status).toBe(400);
    expect(await audit(organization.id)).toHaveLength(1);
  });
});
