import { AppError } from "@/lib/errors";
import type { DbClient, Db } from "@/lib/db";
import { hashSecretToken } from "@/lib/auth/secret-token";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

/** Whether a member of `senderRole` may invite someone to `role` (owners only by owners). */
export function mayInviteTo(senderRole: Role, role: Role): boolean {
  return can(senderRole, role === "OWNER" ? "members.manage_owners" : "members.manage");
}

/**
 * The pending invitation a token opens, or a 4xx that says why not: unknown (404), already used or
 * withdrawn (409), expired (410 is not in our map: 400 with the reason). Looked up by the token's hash.
 * An invitation speaks for the member who sent it: it opens only while they may still invite to its role
 * (an owner's invitation to become owner ends when they are demoted; an admin's when they leave).
 */
export async function findOpenInvitation(db: DbClient | Db, token: string, now: Date) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    select: {
      id: true,
      organizationId: true,
      email: true,
      role: true,
      status: true,
      expiresAt: true,
      invitedByUserId: true,
      organization: { select: { name: true } },
    },
  });
  if (!invitation) throw new AppError("not_found", "This invitation link is not valid. Ask the clinic for a new one.");
  if (invitation.status === "ACCEPTED") throw new AppError("conflict", "This invitation has already been used. Sign in instead, or ask for a new one.");
  if (invitation.status === "REVOKED") throw new AppError("conflict", "This invitation was withdrawn. Ask the clinic for a new one.");
  if (invitation.expiresAt <= now) throw new AppError("bad_request", "This invitation has expired. Ask the clinic for a new one.");
  if (invitation.invitedByUserId) {
    const inviter = await db.membership.findUnique({
      where: { userId_organizationId: { userId: invitation.invitedByUserId, organizationId: invitation.organizationId } },
      select: { role: true },
    });
    if (!inviter || !mayInviteTo(inviter.role, invitation.role))
      throw new AppError("conflict", "This invitation is no longer valid: whoever sent it can no longer invite to this clinic. Ask the clinic for a new one.");
  }
  return invitation;
}
