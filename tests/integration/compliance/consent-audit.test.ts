import { describe, expect, it } from "vitest";
import { PATCH as patchContactRoute } from "@/app/api/contacts/[id]/route";
import { POST as contactImportRoute } from "@/app/api/contacts/import/route";
import { getDb } from "@/lib/db";
import { createContact, createMember } from "../../factories";
import { csv } from "../../factories/contacts";
import { importRequest, withParams } from "../contacts/helpers";
import { callRoute, signInAs } from "../helpers/session";

const consentEvents = (organizationId: string) =>
  getDb().auditEvent.findMany({ where: { organizationId, action: "CONSENT_CHANGED" }, orderBy: { createdAt: "asc" } });

describe("consent changes are in the audit log", () => {
  it("the form: withdrawn (to none) and restored, with only what changed, before → after; an edit that keeps the consent records nothing", async () => {
    const { user, organization } = await createMember("STAFF");
    const archie = await createContact(organization.id, { name: "Archie Anderson", consentBasis: "CARE_REMINDERS" });
    signInAs(user);
    const patch = (body: Record<string, unknown>) => callRoute(patchContactRoute, { method: "PATCH", params: { id: archie.id }, body });

    expect((await patch({ consentBasis: "NONE" })).status).toBe(200);
    expect((await patch({ name: "Archie A.", consentBasis: "NONE" })).status).toBe(200);
    expect((await patch({ consentBasis: "MARKETING", consentSource: "Phoned the desk", consentDate: "2026-11-03" })).status).toBe(200);
    expect((await patch({ consentBasis: null })).status).toBe(200);

    const events = await consentEvents(organization.id);
    expect(events.map(({ actorUserId, targetType, targetId, before, after, data }) => ({ actorUserId, targetType, targetId, before, after, data }))).toEqual([
      {
        actorUserId: user.id,
        targetType: "contact",
        targetId: archie.id,
        before: { consentBasis: "CARE_REMINDERS" },
        after: { consentBasis: "NONE" },
        data: { contact: "Archie Anderson" },
      },
      {
        actorUserId: user.id,
        targetType: "contact",
        targetId: archie.id,
        before: { consentBasis: "NONE", consentSource: null, consentDate: null },
        after: { consentBasis: "MARKETING", consentSource: "Phoned the desk", consentDate: "2026-11-03" },
        data: { contact: "Archie A." },
      },
      {
        actorUserId: user.id,
        targetType: "contact",
        targetId: archie.id,
        before: { consentBasis: "MARKETING" },
        after: { consentBasis: null },
        data: { contact: "Archie A." },
      },
    ]);
  });

  it("the contacts import: one event per file with the contacts whose consent it changed, to and from none; rows that keep the consent (renamed or not) and new contacts are not counted", async () => {
    const { user, organization } = await createMember("STAFF");
    await createContact(organization.id, { name: "Hugo Nguyen", phoneNumber: "+61255500114", consentBasis: "NONE" });
    await createContact(organization.id, { name: "Ivy Care", phoneNumber: "+61255500115", consentBasis: "CARE_REMINDERS" });
    await createContact(organization.id, { name: "Jack Same", phoneNumber: "+61255500116", consentBasis: "MARKETING" });
    await createContact(organization.id, { name: "Kim Blank", phoneNumber: "+61255500117", consentBasis: null });
    signInAs(user);
    const text = csv(
      ["name", "phone", "consent", "do_not_call"],
      [
        ["Hugo Nguyen", "+61255500114", "care reminders", ""],
        ["Ivy Care", "+61255500115", "none", ""],
        ["Jack Renamed", "+61255500116", "marketing", ""],
        ["Kim Blank", "+61255500117", "", "yes"],
        ["Lee New", "+61255500118", "none", ""],
      ],
    );
    const res = await contactImportRoute(importRequest({ raw: text, contentType: "text/csv" }), withParams({}));
    expect(res.status).toBe(200);
    const events = await consentEvents(organization.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorUserId: user.id,
      targetType: "organization",
      targetId: organization.id,
      data: { via: "contacts import", contacts: 2, toNone: 1, fromNone: 1, rows: 5, invalidRows: 0 },
    });
    // The do-not-call column's additions are audited too, once per file.
    const listed = await getDb().auditEvent.findMany({ where: { organizationId: organization.id, action: "DO_NOT_CALL_IMPORTED" } });
    expect(listed).toMatchObject([{ actorUserId: user.id, data: { via: "contacts import", added: 1 } }]);

    // The same file again changes nothing: no new event.
    await contactImportRoute(importRequest({ raw: text, contentType: "text/csv" }), withParams({}));
    expect(await consentEvents(organization.id)).toHaveLength(1);
    expect(await getDb().auditEvent.count({ where: { organizationId: organization.id, action: "DO_NOT_CALL_IMPORTED" } })).toBe(1);
  });
});
