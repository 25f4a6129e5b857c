import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/compliance/record-audit-event";
import { revokeSentInvitations } from "@/lib/organizations/members/revoke-sent-invitations";
import { assertMayTouchRole, LAST_OWNER, lockForMemberChange, type MemberActor } from "@/lib/organizations/members/member-actor";

/**
 * Changes a member's role inside the organization; the last owner cannot be demoted. Their pending
 * invitations to roles the new one may not invite to are withdrawn.
 */
export async function changeMemberRole(organizationId: string, requester: MemberActor, membershipId: string, role: Role) {
  return getDb().$transaction(async (tx) => {
    const { owners, actor } = await lockForMemberChange(tx, organizationId, requester, "members.manage");
    const member = await tx.membership.findFirst({
      where: { id: membershipId, organizationId },
      select: { id: true, role: true, userId: true, user: { select: { email: true } } },
    });
    if (!member) throw notFound("Member");
    assertMayTouchRole(actor, member.role, role);
    if (member.role === role) return { id: member.id, role };
    if (member.role === "OWNER" && owners.length <= 1) throw new AppError("conflict", LAST_OWNER);
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role }, select: { id: true, role: true } });
    await revokeSentInvitations(tx, organizationId, { userId: member.userId, role }, actor);
    await recordAuditEvent(tx, {
      organizationId,
      action: "MEMBER_ROLE_CHANGED",
      actor,
      targetType: "membership",
      targetId: member.id,
      before: { role: member.role },
      after: { role },
      data: { userId: member.userId, email: member.user.email },
    });
    return updated;
  });
}
