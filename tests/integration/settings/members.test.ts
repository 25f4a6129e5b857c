import { describe, expect, it } from "vitest";
import { GET as listMembersRoute } from "@/app/api/members/route";
import { POST as inviteRoute } from "@/app/api/members/invitations/route";
import { DELETE as revokeRoute } from "@/app/api/members/invitations/[id]/route";
import { PATCH as changeRoleRoute, DELETE as removeRoute } from "@/app/api/members/[id]/route";
import { POST as leaveRoute } from "@/app/api/members/leave/route";
import { POST as acceptRoute } from "@/app/api/invitations/accept/route";
import { POST as previewRoute } from "@/app/api/invitations/preview/route";
import { POST as signUpWithInviteRoute } from "@/app/api/invitations/sign-up/route";
import { getDb } from "@/lib/db";
import { hashSecretToken } from "@/lib/auth/secret-token";
import { createMember, createUser } from "../../factories";
import { addMember, createInvitation } from "../../factories/settings";
import { callRoute, signInAs } from "../helpers/session";

const invite = (body: unknown) => callRoute(inviteRoute, { method: "POST", body, url: "http://localhost/api/members/invitations" });
const tokenOf = (link: string) => link.split("#")[1]!;
const status = async (res: Promise<Response>) => (await res).status;

describe("members and invitations", () => {
  it("invites by link (hash only, 7 days), and the invitee signs up into the clinic", async () => {
    const { user: admin, organization } = await createMember("ADMIN");
    signInAs(admin);
    const res = await invite({ email: " New.Person@Example.com ", role: "STAFF" });
    expect(res.status).toBe(201);
    const { link, invitation } = (await res.json()) as { link: string; invitation: { id: string; expiresAt: string } };
    expect(link).toMatch(/^http:\/\/localhost\/invite#cbinv_[A-Za-z0-9_-]{43}$/);
    const row = await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id }, omit: { tokenHash: false } });
    // Only the hash is stored; the link's token appears nowhere in the row.
    expect(row.tokenHash).toBe(hashSecretToken(tokenOf(link)));
    expect(JSON.stringify(row)).not.toContain(tokenOf(link));
    expect(row.email).toBe("new.person@example.com");
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(7 * 24 * 3600 * 1000, -4);

    signInAs(null);
    const preview = await callRoute(previewRoute, { method: "POST", body: { token: tokenOf(link) } });
    expect(await preview.json()).toMatchObject({
      organizationName: organization.name,
      email: "new.person@example.com",
      role: "STAFF",
      accountExists: false,
      signedInEmail: null,
    });

    const joined = await callRoute(signUpWithInviteRoute, { method: "POST", body: { token: tokenOf(link), name: "New Person", password: "a-long-password" } });
    expect(joined.status).toBe(201);
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "new.person@example.com" }, include: { memberships: true } });
    expect(user.memberships).toMatchObject([{ organizationId: organization.id, role: "STAFF" }]);
    expect(user.activeOrganizationId).toBe(organization.id);

    // Single use: the same link again is a clear 409, nothing changes.
    expect(await status(callRoute(signUpWithInviteRoute, { method: "POST", body: { token: tokenOf(link), name: "Again", password: "a-long-password" } }))).toBe(
      409,
    );
    expect(await status(callRoute(acceptRoute, { method: "POST", body: { token: tokenOf(link) } }))).toBe(401);
  });

  it("an existing user accepts an invitation addressed to their email, and only theirs", async () => {
    const { organization } = await createMember("OWNER");
    const existing = await createUser();
    const stranger = await createUser();
    const { token } = await createInvitation(organization.id, { email: existing.email, role: "ADMIN" });

    signInAs(stranger);
    const foreign = await callRoute(acceptRoute, { method: "POST", body: { token } });
    expect(foreign.status).toBe(403);
    expect(await getDb().membership.count({ where: { organizationId: organization.id, userId: stranger.id } })).toBe(0);

    signInAs(existing);
    const res = await callRoute(acceptRoute, { method: "POST", body: { token } });
    expect(res.status).toBe(200);
    expect(await getDb().membership.findFirstOrThrow({ where: { organizationId: organization.id, userId: existing.id } })).toMatchObject({ role: "ADMIN" });
    expect(await status(callRoute(acceptRoute, { method: "POST", body: { token } }))).toBe(409);
  });

  it("refuses expired, withdrawn, unknown and malformed tokens with a clear 4xx", async () => {
    const { organization } = await createMember("OWNER");
    const user = await createUser();
    signInAs(user);
    const expired = await createInvitation(organization.id, { email: user.email, expiresAt: new Date(Date.now() - 1000) });
    const revoked = await createInvitation(organization.id, { email: user.email, status: "REVOKED" });
    const accept = (token: string) => callRoute(acceptRoute, { method: "POST", body: { token } });
    const expiredRes = await accept(expired.token);
    expect(expiredRes.status).toBe(400);
    expect(((await expiredRes.json()) as { detail: string }).detail).toMatch(/expired/);
    expect(await status(accept(revoked.token))).toBe(409);
    expect(await status(accept(`cbinv_${"A".repeat(43)}`))).toBe(404);
    expect(await status(accept("not-a-token"))).toBe(400);
    expect(await getDb().membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("an invitation speaks for its sender: an owner's to become owner is withdrawn when they are demoted (their staff invitation stays), an admin's when they leave", async () => {
    const { user: owner, organization } = await createMember("OWNER");
    const second = await addMember(organization.id, "OWNER");
    const admin = await addMember(organization.id, "ADMIN");
    const [futureOwner, futureStaff, keptStaff] = [await createUser(), await createUser(), await createUser()];
    const linkOf = async (res: Promise<Response>) => ((await (await res).json()) as { link: string }).link;
    signInAs(second.user);
    const ownerLink = await linkOf(invite({ email: futureOwner.email, role: "OWNER" }));
    const keptLink = await linkOf(invite({ email: keptStaff.email, role: "STAFF" }));
    signInAs(admin.user);
    const staffLink = await linkOf(invite({ email: futureStaff.email, role: "STAFF" }));

    signInAs(owner);
    expect(await status(callRoute(changeRoleRoute, { method: "PATCH", params: { id: second.membership.id }, body: { role: "ADMIN" } }))).toBe(200);
    expect(await status(callRoute(removeRoute, { method: "DELETE", params: { id: admin.membership.id } }))).toBe(204);

    // The members page lists only the invitation that still opens.
    const listed = (await (await callRoute(listMembersRoute)).json()) as { invitations: { email: string }[] };
    expect(listed.invitations.map((invitation) => invitation.email)).toEqual([keptStaff.email]);
    const audit = await getDb().auditEvent.findMany({ where: { organizationId: organization.id, action: "INVITATION_REVOKED" }, select: { data: true } });
    expect(audit.map((event) => (event.data as { reason: string }).reason).sort()).toEqual([
      "its sender can no longer invite to this role",
      "its sender left the clinic",
    ]);

    for (const [user, link] of [
      [futureOwner, ownerLink],
      [futureStaff, staffLink],
    ] as const) {
      signInAs(null);
      const preview = await callRoute(previewRoute, { method: "POST", body: { token: tokenOf(link) } });
      expect(preview.status).toBe(409);
      expect(((await preview.json()) as { detail: string }).detail).toMatch(/withdrawn/);
      signInAs(user);
      expect(await status(callRoute(acceptRoute, { method: "POST", body: { token: tokenOf(link) } }))).toBe(409);
      expect(await getDb().membership.count({ where: { organizationId: organization.id, userId: user.id } })).toBe(0);
    }
    signInAs(keptStaff);
    expect(await status(callRoute(acceptRoute, { method: "POST", body: { token: tokenOf(keptLink) } }))).toBe(200);
  });

  it("an invitation whose sender lost the right some other way (no withdrawal recorded) still does not open", async () => {
    const { organization } = await createMember("OWNER");
    const second = await addMember(organization.id, "OWNER");
    const futureOwner = await createUser();
    signInAs(second.user);
    const link = ((await (await invite({ email: futureOwner.email, role: "OWNER" })).json()) as { link: string }).link;
    // As a role change made before invitations were withdrawn with it left things.
    await getDb().membership.update({ where: { id: second.membership.id }, data: { role: "ADMIN" } });
    signInAs(null);
    const preview = await callRoute(previewRoute, { method: "POST", body: { token: tokenOf(link) } });
    expect(preview.status).toBe(409);
    expect(((await preview.json()) as { detail: string }).detail).toMatch(/no longer valid/);
  });

  it("refuses inviting an existing member or a role that does not exist; re-inviting replaces the old link", async () => {
    const { user: owner, organization } = await createMember("OWNER");
    const staff = await addMember(organization.id, "STAFF");
    signInAs(owner);
    expect(await status(invite({ email: staff.user.email, role: "STAFF" }))).toBe(409);
    expect(await status(invite({ email: "x@example.com", role: "SUPERUSER" }))).toBe(400);
    const first = (await (await invite({ email: "twice@example.com", role: "STAFF" })).json()) as { link: string };
    const second = (await (await invite({ email: "twice@example.com", role: "ADMIN" })).json()) as { link: string };
    const rows = await getDb().invitation.findMany({ where: { organizationId: organization.id, email: "twice@example.com" }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["REVOKED", "PENDING"]);
    expect(first.link).not.toBe(second.link);
  });

  it("keeps at least one owner, and admins away from owners", async () => {
    const { user: owner, organization } = await createMember("OWNER");
    const admin = await addMember(organization.id, "ADMIN");
    const ownerMembership = await getDb().membership.findFirstOrThrow({ where: { userId: owner.id, organizationId: organization.id } });

    signInAs(owner);
    // The last owner cannot demote themselves or leave.
    expect(await status(callRoute(changeRoleRoute, { method: "PATCH", params: { id: ownerMembership.id }, body: { role: "ADMIN" } }))).toBe(409);
    expect(await status(callRoute(leaveRoute, { method: "POST" }))).toBe(409);

    signInAs(admin.user);
    // An admin can neither promote to owner (themselves included) nor touch an owner, nor invite one.
    expect(await status(callRoute(changeRoleRoute, { method: "PATCH", params: { id: admin.membership.id }, body: { role: "OWNER" } }))).toBe(403);
    expect(await status(callRoute(changeRoleRoute, { method: "PATCH", params: { id: ownerMembership.id }, body: { role: "STAFF" } }))).toBe(403);
    expect(await status(callRoute(removeRoute, { method: "DELETE", params: { id: ownerMembership.id } }))).toBe(403);
    expect(await status(invite({ email: "boss@example.com", role: "OWNER" }))).toBe(403);
    expect(await getDb().membership.findUniqueOrThrow({ where: { id: ownerMembership.id } })).toMatchObject({ role: "OWNER" });

    signInAs(owner);
    // With a second owner the first may step down; then the second is the last one.
    expect(await status(callRoute(changeRoleRoute, { method: "PATCH", params: { id: admin.membership.id }, body: { role: "OWNER" } }))).toBe(200);
    expect(await status(callRoute(changeRoleRoute, { method: "PATCH", params: { id: ownerMembership.id }, body: { role: "STAFF" } }))).toBe(200);
    signInAs(admin.user);
    expect(await status(callRoute(removeRoute, { method: "DELETE", params: { id: ownerMembership.id } }))).toBe(204);
    expect(await status(callRoute(leaveRoute, { method: "POST" }))).toBe(409);
  });

  it("two owners demoting each other at once: exactly one succeeds", async () => {
    const { user: a, organization } = await createMember("OWNER");
    const b = await addMember(organization.id, "OWNER");
    const aMembership = await getDb().membership.findFirstOrThrow({ where: { userId: a.id, organizationId: organization.id } });
    const { changeMemberRole } = await import("@/lib/organizations/members/change-member-role");
    const results = await Promise.allSettled([
      changeMemberRole(organization.id, { userId: a.id, email: a.email, role: "OWNER" }, b.membership.id, "ADMIN"),
      changeMemberRole(organization.id, { userId: b.user.id, email: b.user.email, role: "OWNER" }, aMembership.id, "ADMIN"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().membership.count({ where: { organizationId: organization.id, role: "OWNER" } })).toBe(1);
  });

  it("answers 404 for another clinic's member or invitation ids and for malformed ids, changing nothing", async () => {
    const { user: owner } = await createMember("OWNER");
    const other = await createMember("OWNER");
    const otherStaff = await addMember(other.organization.id, "STAFF");
    const { invitation } = await createInvitation(other.organization.id);
    signInAs(owner);
    expect(await status(callRoute(changeRoleRoute, { method: "PATCH", params: { id: otherStaff.membership.id }, body: { role: "ADMIN" } }))).toBe(404);
    expect(await status(callRoute(removeRoute, { method: "DELETE", params: { id: otherStaff.membership.id } }))).toBe(404);
    expect(await status(callRoute(revokeRoute, { method: "DELETE", params: { id: invitation.id } }))).toBe(404);
    expect(await status(callRoute(removeRoute, { method: "DELETE", params: { id: "../../etc" } }))).toBe(404);
    expect(await getDb().membership.findUniqueOrThrow({ where: { id: otherStaff.membership.id } })).toMatchObject({ role: "STAFF" });
    expect(await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "PENDING" });
  });

  it("lists members and pending invitations without token hashes", async () => {
    const { user: owner, organization } = await createMember("OWNER");
    await addMember(organization.id, "STAFF");
    await createInvitation(organization.id, { email: "pending@example.com" });
    signInAs(owner);
    const body = (await (await callRoute(listMembersRoute)).json()) as { members: unknown[]; invitations: { email: string }[] };
    expect(body.members).toHaveLength(2);
    expect(body.invitations.map((i) => i.email)).toEqual(["pending@example.com"]);
    expect(JSON.stringify(body)).not.toContain("tokenHash");
  });
});
