import { describe, expect, it } from "vitest";
import { PATCH as agentSettingsRoute } from "@/app/api/organizations/settings/route";
import { PATCH as callingRulesRoute } from "@/app/api/organizations/calling-rules/route";
import { PATCH as languageRoute } from "@/app/api/organizations/language/route";
import { PATCH as openingHoursRoute } from "@/app/api/organizations/opening-hours/route";
import { getDb } from "@/lib/db";
import { getAgentSettings } from "@/lib/organizations/get-agent-settings";
import { getCallingRules } from "@/lib/organizations/update-calling-rules";
import { getDefaultLanguage } from "@/lib/organizations/update-default-language";
import { getOpeningHours } from "@/lib/organizations/update-opening-hours";
import { ORGANIZATION_HEADER } from "@/lib/http/organization-header";
import { readProblem } from "@/components/forms/problem";
import { nameTheClinic } from "@/components/settings/name-the-clinic";
import { createMember, registerLine } from "../../factories";
import { addMember } from "../../factories/settings";
import { callRoute, signInAs } from "../helpers/session";

type Patch = typeof callingRulesRoute;
type Body = Record<string, unknown>;
type Admin = { id: string; email: string; name: string };

/**
 * Two admins (or two tabs) with the same settings section open: each form sends the section's version it loaded,
 * so the second save of an older copy is refused instead of overwriting the first.
 */
async function twoAdmins() {
  const { user: first, organization } = await createMember("ADMIN");
  const { user: second } = await addMember(organization.id, "OWNER");
  const [lineA, lineB] = [await registerLine(organization.id, { setDefault: false }), await registerLine(organization.id, { setDefault: false })];
  return { organizationId: organization.id, organizationName: organization.name, first, second, lineA, lineB };
}
type Clinic = Awaited<ReturnType<typeof twoAdmins>>;

interface Section {
  name: string;
  route: Patch;
  /** The section's version as the settings page (or its GET) loads it. */
  loadVersion: (organizationId: string) => Promise<number>;
  /** One admin's change and another's; both differ from the stored values. */
  change: (c: Clinic) => [Body, Body];
  /** The section's stored values, in the shape of `change`. */
  stored: (organizationId: string) => Promise<Body>;
}

const organization = (id: string) => getDb().organization.findUniqueOrThrow({ where: { id } });

const SECTIONS: Section[] = [
  {
    name: "calling rules",
    route: callingRulesRoute,
    loadVersion: async (id) => (await getCallingRules(id)).version,
    change: () => [
      { maxAttempts: 5, callingWindowStart: "08:00" },
      { maxAttempts: 7, callingWindowStart: "10:00" },
    ],
    stored: async (id) => {
      const rules = await getCallingRules(id);
      return { maxAttempts: rules.maxAttempts, callingWindowStart: rules.callingWindowStart };
    },
  },
  {
    name: "opening hours",
    route: openingHoursRoute,
    loadVersion: async (id) => (await getOpeningHours(id)).version,
    change: () => [{ appointmentSlotMinutes: 20 }, { appointmentSlotMinutes: 45 }],
    stored: async (id) => ({ appointmentSlotMinutes: (await organization(id)).appointmentSlotMinutes }),
  },
  {
    name: "patient language",
    route: languageRoute,
    loadVersion: async (id) => (await getDefaultLanguage(id)).version,
    change: () => [{ defaultLanguage: "hi-IN" }, { defaultLanguage: "en-GB" }],
    stored: async (id) => ({ defaultLanguage: (await organization(id)).defaultLanguage }),
  },
  {
    name: "voice agent",
    route: agentSettingsRoute,
    loadVersion: async (id) => (await getAgentSettings(id)).version,
    change: (c) => [
      { elevenLabsAgentId: c.lineA.agentId, elevenLabsPhoneNumberId: c.lineA.phoneNumberId },
      { elevenLabsAgentId: c.lineB.agentId, elevenLabsPhoneNumberId: c.lineB.phoneNumberId },
    ],
    stored: async (id) => {
      const { elevenLabsAgentId, elevenLabsPhoneNumberId } = await organization(id);
      return { elevenLabsAgentId, elevenLabsPhoneNumberId };
    },
  },
];

async function save(section: Section, as: Admin, body: Body) {
  signInAs(as);
  const res = await callRoute(section.route, { method: "PATCH", body });
  return { status: res.status, contentType: res.headers.get("content-type"), body: (await res.json()) as Body & { version?: number } };
}

const settingsAudits = (organizationId: string) =>
  getDb().auditEvent.count({ where: { organizationId, action: { in: ["SETTINGS_UPDATED", "CALLING_RULES_UPDATED"] } } });

describe.each(SECTIONS)("saving the $name over the version it loaded", (section) => {
  it("refuses an older copy with a 409 that says someone else changed them, and writes nothing", async () => {
    const clinic = await twoAdmins();
    const [theirs, mine] = section.change(clinic);
    const loaded = await section.loadVersion(clinic.organizationId);

    const first = await save(section, clinic.first, { ...theirs, version: loaded });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(loaded + 1);
    const audits = await settingsAudits(clinic.organizationId);

    const second = await save(section, clinic.second, { ...mine, version: loaded });
    expect(second.status).toBe(409);
    expect(second.contentType).toContain("application/problem+json");
    expect(second.body).toMatchObject({ code: "stale_settings", status: 409 });
    expect(second.body.detail).toMatch(/Someone else changed these settings/);
    expect(second.body.detail).toMatch(/Reload the page/);
    // The first admin's values stand, with no audit entry and no new version for the refused save.
    expect(await section.stored(clinic.organizationId)).toEqual(theirs);
    expect(await settingsAudits(clinic.organizationId)).toBe(audits);
    expect(await section.loadVersion(clinic.organizationId)).toBe(loaded + 1);
  });

  it("the form words the refusal with the clinic its page shows: a stale copy, and a clinic the admin has left since", async () => {
    const clinic = await twoAdmins();
    const [theirs, mine] = section.change(clinic);
    const loaded = await section.loadVersion(clinic.organizationId);
    expect((await save(section, clinic.first, { ...theirs, version: loaded })).status).toBe(200);
    // The second admin's tab names its clinic, as tenantFetch does.
    signInAs(clinic.second);
    const send = async (version: number) =>
      nameTheClinic(
        await readProblem(
          await callRoute(section.route, { method: "PATCH", body: { ...mine, version }, headers: { [ORGANIZATION_HEADER]: clinic.organizationId } }),
        ),
        clinic.organizationName,
      );

    const stale = await send(loaded);
    expect(stale.code).toBe("stale_settings");
    expect(stale.detail).toBe(
      `${clinic.organizationName}'s settings were changed after you opened this page, in another tab or by someone else, so your changes were not saved. Reload the page to see the new ones, then make yours again.`,
    );

    await getDb().membership.delete({ where: { userId_organizationId: { userId: clinic.second.id, organizationId: clinic.organizationId } } });
    const left = await send(loaded + 1);
    expect(left.code).toBe("stale_organization");
    expect(left.detail).toBe(
      `This page shows ${clinic.organizationName}, and you are no longer a member of it, so nothing was saved. Reload the page to see the clinics you are in.`,
    );
    expect(await section.stored(clinic.organizationId)).toEqual(theirs);
  });

  it("saves twice from the same form with the version each answer gives, and refuses the one it replaced", async () => {
    const clinic = await twoAdmins();
    const [one, two] = section.change(clinic);
    const loaded = await section.loadVersion(clinic.organizationId);

    const first = await save(section, clinic.first, { ...one, version: loaded });
    expect(first.status).toBe(200);
    const second = await save(section, clinic.first, { ...two, version: first.body.version });
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(loaded + 2);
    expect(await section.stored(clinic.organizationId)).toEqual(two);

    expect((await save(section, clinic.first, { ...one, version: first.body.version })).status).toBe(409);
    expect(await section.stored(clinic.organizationId)).toEqual(two);
  });

  it("a save of the values already stored keeps the version, so another form opened before it still saves; an older copy is still refused", async () => {
    const clinic = await twoAdmins();
    const [theirs, mine] = section.change(clinic);
    const stale = await section.loadVersion(clinic.organizationId);
    const saved = await save(section, clinic.first, { ...theirs, version: stale });
    expect(saved.status).toBe(200);
    const loaded = saved.body.version!;

    // Saved again unchanged: nothing to audit, nothing for the other form to reload for.
    const audits = await settingsAudits(clinic.organizationId);
    const again = await save(section, clinic.first, { ...theirs, version: loaded });
    expect([again.status, again.body.version]).toEqual([200, loaded]);
    expect(await settingsAudits(clinic.organizationId)).toBe(audits);

    expect((await save(section, clinic.second, { ...mine, version: loaded })).status).toBe(200);
    expect(await section.stored(clinic.organizationId)).toEqual(mine);
    expect((await save(section, clinic.second, { ...theirs, version: stale })).status).toBe(409);
  });

  it("writes exactly one of two saves of the same loaded version sent at once", async () => {
    const clinic = await twoAdmins();
    const [theirs, mine] = section.change(clinic);
    const loaded = await section.loadVersion(clinic.organizationId);

    // Two tabs of one admin (the test double holds one session at a time).
    signInAs(clinic.first);
    const request = (body: Body) => callRoute(section.route, { method: "PATCH", body: { ...body, version: loaded } });
    const answers = await Promise.all([request(theirs), request(mine)]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
    const written = answers[0]!.status === 200 ? theirs : mine;
    expect(await section.stored(clinic.organizationId)).toEqual(written);
    expect(await section.loadVersion(clinic.organizationId)).toBe(loaded + 1);
  });

  it("without a version (an API client), the last writer wins, as documented", async () => {
    const clinic = await twoAdmins();
    const [theirs, mine] = section.change(clinic);
    const loaded = await section.loadVersion(clinic.organizationId);

    expect((await save(section, clinic.first, { ...theirs, version: loaded })).status).toBe(200);
    const unversioned = await save(section, clinic.second, mine);
    expect(unversioned.status).toBe(200);
    expect(unversioned.body.version).toBe(loaded + 2);
    expect(await section.stored(clinic.organizationId)).toEqual(mine);
  });

  it("answers 400 for a version that is not a whole number from 0, and writes nothing", async () => {
    const clinic = await twoAdmins();
    const [change] = section.change(clinic);
    const before = await section.stored(clinic.organizationId);
    for (const version of [-1, 1.5, "0", null, 2 ** 31, 2 ** 53 + 2]) {
      const res = await save(section, clinic.first, { ...change, version });
      expect(res.status, JSON.stringify(version)).toBe(400);
    }
    expect(await section.stored(clinic.organizationId)).toEqual(before);
    expect(await section.loadVersion(clinic.organizationId)).toBe(0);
  });
});

describe("the settings sections of one page", () => {
  it("do not make each other stale: each saves over the version it loaded after the others were saved", async () => {
    const clinic = await twoAdmins();
    // One page load: every section's form holds its own version.
    const loaded = await Promise.all(SECTIONS.map((section) => section.loadVersion(clinic.organizationId)));

    for (const [i, section] of SECTIONS.entries()) {
      const [change] = section.change(clinic);
      const res = await save(section, clinic.first, { ...change, version: loaded[i] });
      expect(res.status, section.name).toBe(200);
      expect(await section.stored(clinic.organizationId), section.name).toEqual(change);
    }
    // Each section moved on by its own save only.
    expect(await Promise.all(SECTIONS.map((section) => section.loadVersion(clinic.organizationId)))).toEqual(loaded.map((v) => v + 1));
  });
});
