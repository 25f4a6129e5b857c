import { describe, expect, it } from "vitest";
import { POST as inviteRoute } from "@/app/api/members/invitations/route";
import { PATCH as changeRoleRoute } from "@/app/api/members/[id]/route";
import { POST as signUpWithInviteRoute } from "@/app/api/invitations/sign-up/route";
import { getDb, type DbClient } from "@/lib/db";
import { createMember } from "../../factories";
import { addMember, createInvitation } from "../../factories/settings";
import { callRoute, signInAs } from "../helpers/session";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `request` sent while another member change (`change`) holds the owners' lock, as member changes take it
 * (lib/organizations/members/member-actor.ts) and before it commits; answers the request's response.
 */
async function requestDuringMemberChange(
  organizationId: string,
  change: (tx: DbClient) => Promise<unknown>,
  request: () => Promise<Response>,
): Promise<Response> {
  let sent: Promise<Response> | undefined;
  await getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Membership" WHERE "organizationId" = ${organizationId} AND "role" = 'OWNER' ORDER BY "id" FOR UPDATE`;
    await change(tx);
    sent = request();
    await sleep(500);
  });
  return sent!;
}

describe("members and invitations under concurrency", () => {
  it("the same invitation link used to sign up twice at once: one account, one 201 and one 409 (never a 500)", async () => {
    const { organization } = await createMember("OWNER");
    const { token, invitation } = await createInvitation(organization.id, { email: "double@example.com" });
    const body = { token, name: "Double", password: "a-long-password" };
    const answers = await Promise.all([callRoute(signUpWithInviteRoute, { method: "POST", body }), callRoute(signUpWithInviteRoute, { method: "POST", body })]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await getDb().user.count({ where: { email: "double@example.com" } })).toBe(1);
    expect(await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "ACCEPTED" });
    expect(await getDb().auditEvent.count({ where: { organizationId: organization.id, action: "INVITATION_ACCEPTED" } })).toBe(1);
  });

  it("an owner demoted while their request is in flight cannot make someone an owner", async () => {
    const { user: first, organization } = await createMember("OWNER");
    const second = await addMember(organization.id, "OWNER");
    const staff = await addMember(organization.id, "STAFF");
    signInAs(second.user);
    // The first owner demotes the second; the second's request (role read as OWNER) arrives meanwhile.
    const promote = await requestDuringMemberChange(
      organization.id,
      (tx) => tx.membership.update({ where: { id: second.membership.id }, data: { role: "ADMIN" } }),
      () => callRoute(changeRoleRoute, { method: "PATCH", params: { id: staff.membership.id }, body: { role: "OWNER" } }),
    );
    expect(promote.status).toBe(403);
    const owners = await getDb().membership.findMany({ where: { organizationId: organization.id, role: "OWNER" }, select: { userId: true } });
    expect(owners).toEqual([{ userId: first.id }]);
  });

  it("an admin removed while their request is in flight changes nothing", async () => {
    const { organization } = await createMember("OWNER");
    const admin = await addMember(organization.id, "ADMIN");
    const staff = await addMember(organization.id, "STAFF");
    signInAs(admin.user);
    const promote = await requestDuringMemberChange(
      organization.id,
      (tx) => tx.membership.delete({ where: { id: admin.membership.id } }),
      () => callRoute(changeRoleRoute, { method: "PATCH", params: { id: staff.membership.id }, body: { role: "ADMIN" } }),
    );
    expect(promote.status).toBe(403);
    expect(await getDb().membership.findUniqueOrThrow({ where: { id: staff.membership.id } })).toMatchObject({ role: "STAFF" });
  });

  it("inviting the same email twice at once leaves one working link", async () => {
    const { user: owner, organization } = await createMember("OWNER");
    signInAs(owner);
    const body = { email: "twice-at-once@example.com", role: "STAFF" };
    const answers = await Promise.all([0, 1].map(() => callRoute(inviteRoute, { method: "POST", body, url: "http://localhost/api/members/invitations" })));
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    expect(await getDb().invitation.count({ where: { organizationId: organization.id, email: body.email, status: "PENDING" } })).toBe(1);
  });
});
