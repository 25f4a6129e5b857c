import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createSecretToken } from "@/lib/auth/secret-token";
import { recordAuditEvent } from "@/lib/compliance/record-audit-event";
import { assertMayTouchRole, lockForMemberChange, type MemberActor } from "@/lib/organizations/members/member-actor";
import type { InviteMemberInput } from "@/lib/organizations/members/schemas";

export const INVITATION_TTL_DAYS = 7;

/**
 * Creates an invitation and returns its link — the only time the token exists outside the person's
 * browser; the database keeps its sha256. The token travels in the link's fragment (`/invite#…`), which
 * browsers never send to a server, so it stays out of access logs and Referer headers.
 * Inviting someone already invited replaces the earlier invitation (its link stops working).
 */
export async function inviteMember(organizationId: string, actor: MemberActor, input: InviteMemberInput, origin: string, now: Date = new Date()) {
  const { token, hash } = createSecretToken("cbinv");
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
  const invitation = await getDb().$transaction(async (tx) => {
    // Under the members' lock: the actor's current role decides, and two invitations of one email at once
    // take turns, so the second replaces the first as a later one would.
    const { actor: current } = await lockForMemberChange(tx, organizationId, actor, "members.manage");
    assertMayTouchRole(current, input.role);
    const member = await tx.membership.findFirst({ where: { organizationId, user: { email: input.email } }, select: { id: true } });
    if (member) {
      throw new AppError("conflict", `${input.email} is already a member of this organization.`, { issues: [{ path: "email", message: "Already a member" }] });
    }
    await tx.invitation.updateMany({ where: { organizationId, email: input.email, status: "PENDING" }, data: { status: "REVOKED" } });
    const created = await tx.invitation.create({
      data: { organizationId, email: input.email, role: input.role, tokenHash: hash, expiresAt, invitedByUserId: actor.userId },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      organizationId,
      action: "MEMBER_INVITED",
      actor,
      targetType: "invitation",
      targetId: created.id,
      after: { email: created.email, role: created.role, expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  return { invitation, link: `${origin}/invite#${token}` };
}
