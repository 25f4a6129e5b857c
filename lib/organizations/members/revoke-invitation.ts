import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/compliance/record-audit-event";
import { assertMayTouchRole, lockForMemberChange, type MemberActor } from "@/lib/organizations/members/member-actor";

/** Withdraws a pending invitation of this organization; another clinic's id, or a used one, is a 404. */
export async function revokeInvitation(organizationId: string, requester: MemberActor, invitationId: string) {
  await getDb().$transaction(async (tx) => {
    const { actor } = await lockForMemberChange(tx, organizationId, requester, "members.manage");
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, organizationId, status: "PENDING" },
      select: { id: true, email: true, role: true },
    });
    if (!invitation) throw notFound("Invitation");
    assertMayTouchRole(actor, invitation.role);
    const { count } = await tx.invitation.updateMany({ where: { id: invitationId, organizationId, status: "PENDING" }, data: { status: "REVOKED" } });
    if (count === 0) throw notFound("Invitation");
    await recordAuditEvent(tx, {
      organizationId,
      action: "INVITATION_REVOKED",
      actor,
      targetType: "invitation",
      targetId: invitationId,
      before: { email: invitation.email, role: invitation.role },
    });
  });
}
