import type { DbClient } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/compliance/record-audit-event";
import { mayInviteTo } from "@/lib/organizations/members/find-invitation";

/**
 * An invitation speaks for its sender: when a member is removed (`role` null) or given a role that may no
 * longer invite to some roles, their pending invitations to those roles are withdrawn in the same
 * transaction, so the members page stops listing links that would no longer open. Each is audited as
 * withdrawn, with why.
 */
export async function revokeSentInvitations(
  tx: DbClient,
  organizationId: string,
  sender: { userId: string; role: Role | null },
  actor: { userId: string; email: string },
) {
  const pending = await tx.invitation.findMany({
    where: { organizationId, invitedByUserId: sender.userId, status: "PENDING" },
    select: { id: true, email: true, role: true },
  });
  const voided = pending.filter((invitation) => sender.role === null || !mayInviteTo(sender.role, invitation.role));
  if (voided.length === 0) return;
  await tx.invitation.updateMany({
    where: { id: { in: voided.map((invitation) => invitation.id) }, organizationId, status: "PENDING" },
    data: { status: "REVOKED" },
  });
  for (const invitation of voided) {
    await recordAuditEvent(tx, {
      organizationId,
      action: "INVITATION_REVOKED",
      actor,
      targetType: "invitation",
      targetId: invitation.id,
      before: { email: invitation.email, role: invitation.role },
      data: { reason: sender.role === null ? "its sender left the clinic" : "its sender can no longer invite to this role" },
    });
  }
}
