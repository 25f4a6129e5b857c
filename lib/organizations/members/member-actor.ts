import { AppError } from "@/lib/errors";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/db";
import type { AuditActor } from "@/lib/compliance/record-audit-event";

export interface MemberActor extends AuditActor {
  role: Role;
}

/** An ADMIN may manage admins and staff; anything that makes, changes or removes an OWNER needs an OWNER. */
export function assertMayTouchRole(actor: MemberActor, ...roles: Role[]): void {
  if (roles.includes("OWNER") && !can(actor.role, "members.manage_owners")) {
    throw new AppError("forbidden", "Only an owner can invite, promote, demote or remove an owner.");
  }
}

/**
 * Locks the organization's OWNER memberships for the rest of the transaction and returns their ids, so
 * two admins demoting the last two owners at once cannot both succeed: the second sees one owner left.
 */
export async function lockOwners(tx: DbClient, organizationId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Membership" WHERE "organizationId" = ${organizationId} AND "role" = 'OWNER' ORDER BY "id" FOR UPDATE`;
  return rows.map((row) => row.id);
}

/**
 * Starts a member-management change: locks the owners (lockOwners), then reads the actor's role again
 * under that lock. The role the request was authorised with may be stale — its owner demoted or removed
 * by a change that committed meanwhile — and every such change takes this lock first, so the role read
 * here is the current one. `permission` is re-checked against it (omit it for leaving).
 */
export async function lockForMemberChange(
  tx: DbClient,
  organizationId: string,
  actor: MemberActor,
  permission?: Permission,
): Promise<{ owners: string[]; actor: MemberActor }> {
  const owners = await lockOwners(tx, organizationId);
  const membership = await tx.membership.findUnique({
    where: { userId_organizationId: { userId: actor.userId, organizationId } },
    select: { role: true },
  });
  if (!membership || (permission && !can(membership.role, permission))) {
    throw new AppError("forbidden", "Your role does not allow this action.");
  }
  return { owners, actor: { ...actor, role: membership.role } };
}

export const LAST_OWNER = "An organization needs at least one owner. Make someone else an owner first.";
