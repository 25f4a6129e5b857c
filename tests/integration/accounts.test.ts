import { describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/signup/route";
import { PUT as switchOrganizationRoute } from "@/app/api/organizations/active/route";
import { authorizeCredentials } from "@/lib/auth/auth-options";
import { resolveTenantContext } from "@/lib/auth/tenant-context";
import { getDb } from "@/lib/db";
import { createMember } from "../factories";
import { callRoute, signInAs } from "./helpers/session";

const validSignUp = (email: string) => ({
  name: "Dana Reyes",
  email,
  password: "correct horse battery",
  organizationName: "Northside Medical",
  timezone: "Australia/Brisbane",
  defaultCountry: "au",
});

describe("sign-up", () => {
  it("creates the user, the organization and an OWNER membership", async () => {
    const res = await callRoute(signUpRoute, { method: "POST", body: validSignUp("Dana@Example.com") });
    expect(res.status).toBe(201);
    const { userId, organizationId } = (await res.json()) as { userId: string; organizationId: string };
    const membership = await getDb().membership.findUniqueOrThrow({
      where: { userId_organizationId: { userId, organizationId } },
      include: { organization: true, user: true },
    });
    expect(membership.role).toBe("OWNER");
    expect(membership.user.email).toBe("dana@example.com");
    expect(membership.organization).toMatchObject({
      name: "Northside Medical",
      timezone: "Australia/Brisbane",
      defaultCountry: "AU",
      locale: "en-AU",
      staggerMinutes: 2,
      maxAttempts: 3,
    });
  });

  it("answers 409 for a taken email and creates nothing more", async () => {
    await callRoute(signUpRoute, { method: "POST", body: validSignUp("taken@example.com") });
    const before = await getDb().organization.count();
    const res = await callRoute(signUpRoute, { method: "POST", body: validSignUp("TAKEN@example.com") });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "conflict", detail: expect.stringContaining("already exists") });
    expect(await getDb().organization.count()).toBe(before);
  });

  it("gives a second clinic with the same name its own slug", async () => {
    const first = await callRoute(signUpRoute, { method: "POST", body: { ...validSignUp("one@example.com"), organizationName: "Same Name Clinic" } });
    const second = await callRoute(signUpRoute, { method: "POST", body: { ...validSignUp("two@example.com"), organizationName: "Same Name Clinic" } });
    expect([first.status, second.status]).toEqual([201, 201]);
    const slugs = (await getDb().organization.findMany({ where: { name: "Same Name Clinic" }, select: { slug: true } })).map((o) => o.slug);
    expect(new Set(slugs).size).toBe(2);
  });

  it("answers 400 with field issues for bad input", async () => {
    const res = await callRoute(signUpRoute, {
      method: "POST",
      body: { ...validSignUp("bad"), password: "short", timezone: "Mars/Olympus", defaultCountry: "XX" },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { path: string }[] };
    expect(body.issues.map((i) => i.path).sort()).toEqual(["defaultCountry", "email", "password", "timezone"]);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const res = await callRoute(signUpRoute, { method: "POST", body: "{not json" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ detail: "The request body is not valid JSON." });
  });
});

describe("credentials", () => {
  it("accepts the right password and refuses a wrong one or an unknown email alike", async () => {
    const { user } = await createMember("STAFF");
    expect(await authorizeCredentials({ email: user.email.toUpperCase(), password: user.password })).toMatchObject({ id: user.id });
    expect(await authorizeCredentials({ email: user.email, password: "wrong password" })).toBeNull();
    expect(await authorizeCredentials({ email: "nobody@example.com", password: user.password })).toBeNull();
    expect(await authorizeCredentials({ email: "not an email" })).toBeNull();
  });
});

describe("active organization", () => {
  it("is remembered per user and falls back to the oldest membership", async () => {
    const { user, organization: first } = await createMember("ADMIN");
    const { organization: second } = await createMember("OWNER");
    await getDb().membership.create({ data: { userId: user.id, organizationId: second.id, role: "STAFF" } });

    expect((await resolveTenantContext(user.id)).organization.id).toBe(first.id);

    signInAs(user);
    const res = await callRoute(switchOrganizationRoute, { method: "PUT", body: { organizationId: second.id } });
    expect(res.status).toBe(200);
    const ctx = await resolveTenantContext(user.id);
    expect(ctx.organization.id).toBe(second.id);
    expect(ctx.role).toBe("STAFF");
    expect(ctx.organizations.map((o) => o.id)).toEqual([first.id, second.id]);

    // Losing the membership makes the remembered choice void, not a way in.
    await getDb().membership.delete({ where: { userId_organizationId: { userId: user.id, organizationId: second.id } } });
    expect((await resolveTenantContext(user.id)).organization.id).toBe(first.id);
  });

  it("answers 403 for a user without any organization", async () => {
    const user = await getDb().user.create({ data: { email: "orphan@example.com", name: "Orphan", passwordHash: "x" } });
    await expect(resolveTenantContext(user.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(resolveTenantContext(undefined)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("undefined where guard", () => {
  it("refuses a query whose tenant filter is undefined", async () => {
    const organizationId: string | undefined = undefined;
    await expect(getDb().contact.findMany({ where: { organizationId } })).rejects.toThrow(/where.organizationId is undefined/);
  });
});
