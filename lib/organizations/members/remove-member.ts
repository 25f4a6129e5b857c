import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/compliance/record-audit-event";
import { revokeSentInvitations } from "@/lib/organizations/members/revoke-sent-invitations";
import { assertMayTouchRole, LAST_OWNER, lockForMemberChange, type MemberActor } from "@/lib/organizations/members/member-actor";

/**
 * Removes a membership: someone else's (`leaving: false`, needs members.manage, an owner only by an
 * owner) or the actor's own (`leaving: true`). The last owner can do neither. Their account stays;
 * they lose access to this organization at their next request, and their pending invitations are withdrawn.
 */
export async function removeMember(organizationId: string, requester: MemberActor, target: { membershipId: string } | { leaving: true }) {
  await getDb().$transaction(async (tx) => {
    const leaving = "leaving" in target;
    const { owners, actor } = await lockForMemberChange(tx, organizationId, requester, leaving ? undefined : "members.manage");
    const member = await tx.membership.findFirst({
      where: leaving ? { userId: actor.userId, organizationId } : { id: target.membershipId, organizationId },
      select: { id: true, role: true, userId: true, user: { select: { email: true } } },
    });
    if (!member) throw notFound("Member");
    if (!leaving) {
      if (member.userId === actor.userId) throw new AppError("bad_request", "To remove yourself, use Leave organization.");
      assertMayTouchRole(actor, member.role);
    }
    if (member.role === "OWNER" && owners.length <= 1) throw new AppError("conflict", LAST_OWNER);
    const { count } = await tx.membership.deleteMany({ where: { id: member.id, organizationId } });
    if (count === 0) throw notFound("Member");
    await revokeSentInvitations(tx, organizationId, { userId: member.userId, role: null }, actor);
    await recordAuditEvent(tx, {
      organizationId,
      action: leaving ? "MEMBER_LEFT" : "MEMBER_REMOVED",
      actor,
      targetType: "membership",
      targetId: member.id,
      before: { role: member.role, email: member.user.email },
      data: { userId: member.userId },
    });
  });
}
