import { beforeAll, describe, expect, it } from "vitest";
import { GET as listContactsRoute } from "@/app/api/contacts/route";
import { GET as getContactRoute } from "@/app/api/contacts/[id]/route";
import { PUT as switchOrganizationRoute } from "@/app/api/organizations/active/route";
import { createContact, createMember } from "../factories";
import { callRoute, signInAs } from "./helpers/session";

describe("tenant isolation", () => {
  let a: Awaited<ReturnType<typeof createMember>>;
  let b: Awaited<ReturnType<typeof createMember>>;
  let contactOfA: { id: string };
  let contactOfB: { id: string };

  beforeAll(async () => {
    a = await createMember("STAFF");
    b = await createMember("OWNER");
    contactOfA = await createContact(a.organization.id, { name: "Alice of A" });
    contactOfB = await createContact(b.organization.id, { name: "Bob of B" });
  });

  it("answers 401 without a session", async () => {
    const res = await callRoute(listContactsRoute);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 401, code: "unauthenticated" });
  });

  it("lists only the active organization's contacts", async () => {
    signInAs(a.user);
    const res = await callRoute(listContactsRoute, { url: "http://localhost/api/contacts?limit=100" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { contacts: { id: string }[] };
    const ids = body.contacts.map((c) => c.id);
    expect(ids).toContain(contactOfA.id);
    expect(ids).not.toContain(contactOfB.id);
  });

  it("does not find another organization's contact in a search either", async () => {
    signInAs(a.user);
    const res = await callRoute(listContactsRoute, { url: "http://localhost/api/contacts?q=Bob%20of%20B" });
    expect(((await res.json()) as { contacts: unknown[] }).contacts).toEqual([]);
  });

  it("answers 404 for another organization's contact id, exactly as for a missing one", async () => {
    signInAs(a.user);
    const foreign = await callRoute(getContactRoute, { params: { id: contactOfB.id } });
    const missing = await callRoute(getContactRoute, { params: { id: "does-not-exist" } });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    const [foreignBody, missingBody] = (await Promise.all([foreign.json(), missing.json()])) as { detail: string }[];
    expect(foreignBody!.detail).toBe(missingBody!.detail);
  });

  it("returns the organization's own contact", async () => {
    signInAs(a.user);
    const res = await callRoute(getContactRoute, { params: { id: contactOfA.id } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { contact: { name: string } }).contact.name).toBe("Alice of A");
  });

  it("refuses to switch to an organization the user does not belong to (404)", async () => {
    signInAs(a.user);
    const res = await callRoute(switchOrganizationRoute, { method: "PUT", body: { organizationId: b.organization.id } });
    expect(res.status).toBe(404);
  });
});
