import { describe, expect, it } from "vitest";
import { GET as listContactsRoute } from "@/app/api/contacts/route";
import { POST as leaveRoute } from "@/app/api/members/leave/route";
import { PATCH as languageRoute } from "@/app/api/organizations/language/route";
import { PATCH as callingRulesRoute } from "@/app/api/organizations/calling-rules/route";
import { PUT as switchOrganizationRoute } from "@/app/api/organizations/active/route";
import { getDb } from "@/lib/db";
import { ORGANIZATION_HEADER } from "@/lib/http/organization-header";
import { createContact, createMember, createOrganization, createUser } from "../../factories";
import { addMember } from "../../factories/settings";
import { callRoute, signInAs } from "../helpers/session";

/**
 * A user in two clinics with two tabs: the page of tab 1 shows clinic A, and in tab 2 they switched to B.
 * Tab 1's requests name A (x-callboard-organization); the server acts on A, or refuses, never on B.
 */
async function twoTabs() {
  const user = await createUser();
  const { organization: a } = await createMember("OWNER");
  const { organization: b } = await createMember("OWNER");
  await addMember(a.id, "ADMIN", user);
  await addMember(b.id, "OWNER", user);
  await getDb().user.update({ where: { id: user.id }, data: { activeOrganizationId: b.id } });
  await createContact(a.id, { name: "Alpha Patient" });
  await createContact(b.id, { name: "Bravo Patient" });
  signInAs(user);
  return { user, a, b };
}

const page = (organizationId: string) => ({ [ORGANIZATION_HEADER]: organizationId });
const leave = (headers?: Record<string, string>) => callRoute(leaveRoute, { method: "POST", url: "http://localhost/api/members/leave", headers });
const setLanguage = (defaultLanguage: string, headers?: Record<string, string>) =>
  callRoute(languageRoute, { method: "PATCH", url: "http://localhost/api/organizations/language", body: { defaultLanguage }, headers });
const contactNames = async (headers?: Record<string, string>) => {
  const res = await callRoute(listContactsRoute, { url: "http://localhost/api/contacts", headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as { contacts: { name: string }[] }).contacts.map((c) => c.name);
};
const membershipsOf = async (userId: string) =>
  (await getDb().membership.findMany({ where: { userId }, select: { organizationId: true } })).map((m) => m.organizationId).sort();
const activeOf = async (userId: string) => (await getDb().user.findUniqueOrThrow({ where: { id: userId } })).activeOrganizationId;
const languageOf = async (organizationId: string) => (await getDb().organization.findUniqueOrThrow({ where: { id: organizationId } })).defaultLanguage;

describe("the organization a page names (x-callboard-organization)", () => {
  it("is the one acted on while B is active: reads, settings saves and leaving land in A, and B stays active", async () => {
    const { user, a, b } = await twoTabs();

    expect(await contactNames(page(a.id))).toEqual(["Alpha Patient"]);

    expect((await setLanguage("hi-IN", page(a.id))).status).toBe(200);
    expect(await languageOf(a.id)).toBe("hi-IN");
    expect(await languageOf(b.id)).toBeNull();

    expect((await leave(page(a.id))).status).toBe(204);
    expect(await membershipsOf(user.id)).toEqual([b.id]);
    expect(await activeOf(user.id)).toBe(b.id);
  });

  it("acts with the user's role in that clinic, not in the active one", async () => {
    const { user, a, b } = await twoTabs();
    await getDb().membership.update({ where: { userId_organizationId: { userId: user.id, organizationId: a.id } }, data: { role: "STAFF" } });
    const before = await getDb().organization.findUniqueOrThrow({ where: { id: a.id } });

    const res = await callRoute(callingRulesRoute, { method: "PATCH", body: { maxAttempts: 5 }, headers: page(a.id) });
    expect(res.status).toBe(403);
    expect(await getDb().organization.findUniqueOrThrow({ where: { id: a.id } })).toEqual(before);
    // Owner of B, the active clinic: the same save without the header goes through, into B.
    expect((await callRoute(callingRulesRoute, { method: "PATCH", body: { maxAttempts: 5 } })).status).toBe(200);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: b.id } })).maxAttempts).toBe(5);
  });

  it("is refused with a 409 telling them to reload once they are no longer a member, and nothing is written", async () => {
    const { user, a, b } = await twoTabs();
    await getDb().membership.delete({ where: { userId_organizationId: { userId: user.id, organizationId: a.id } } });

    const res = await leave(page(a.id));
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await res.json()) as { code: string; title: string; detail: string };
    expect(problem).toMatchObject({ code: "stale_organization", title: "Page out of date" });
    expect(problem.detail).toMatch(/no longer a member of the clinic/);
    expect(problem.detail).toMatch(/Reload the page/);
    // Not "leave the active clinic instead": B is untouched.
    expect(await membershipsOf(user.id)).toEqual([b.id]);
    expect(await activeOf(user.id)).toBe(b.id);

    expect((await setLanguage("hi-IN", page(a.id))).status).toBe(409);
    expect(await languageOf(a.id)).toBeNull();
    expect(await languageOf(b.id)).toBeNull();
  });

  it("answers a clinic they never belonged to exactly like one that does not exist", async () => {
    const { user, b } = await twoTabs();
    const stranger = await createOrganization();

    const foreign = await setLanguage("hi-IN", page(stranger.id));
    const missing = await setLanguage("hi-IN", page("cmissing0000000000000000"));
    expect([foreign.status, missing.status]).toEqual([409, 409]);
    const [foreignBody, missingBody] = [(await foreign.json()) as { detail: string }, (await missing.json()) as { detail: string }];
    expect(foreignBody.detail).toBe(missingBody.detail);
    expect(JSON.stringify(foreignBody)).not.toContain(stranger.name);
    expect(await languageOf(stranger.id)).toBeNull();
    expect(await languageOf(b.id)).toBeNull();
    expect(await membershipsOf(user.id)).toHaveLength(2);
  });

  it("answers 400 for a malformed value and acts on nothing", async () => {
    const { user, a, b } = await twoTabs();
    for (const value of ["", "not an id", `${a.id},${b.id}`, "x".repeat(65), "../../b"]) {
      const res = await leave({ [ORGANIZATION_HEADER]: value });
      expect(res.status, JSON.stringify(value)).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toContain(ORGANIZATION_HEADER);
    }
    expect(await membershipsOf(user.id)).toEqual([a.id, b.id].sort());
  });

  it("is not needed: without it the active clinic is acted on, as before", async () => {
    const { user, a, b } = await twoTabs();
    expect(await contactNames()).toEqual(["Bravo Patient"]);
    expect((await setLanguage("hi-IN")).status).toBe(200);
    expect([await languageOf(a.id), await languageOf(b.id)]).toEqual([null, "hi-IN"]);
    expect((await leave()).status).toBe(204);
    expect(await membershipsOf(user.id)).toEqual([a.id]);
  });

  it("does not stand in the way of switching: a tab whose clinic the user left can still switch", async () => {
    const { user, a, b } = await twoTabs();
    await getDb().membership.delete({ where: { userId_organizationId: { userId: user.id, organizationId: b.id } } });
    // The switcher sends no header (components/dashboard/org-switcher.tsx); the target is checked against memberships.
    const res = await callRoute(switchOrganizationRoute, { method: "PUT", body: { organizationId: a.id } });
    expect(res.status).toBe(200);
    expect(await activeOf(user.id)).toBe(a.id);
  });
});
