import { getDb, type DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { admitSignUp, LOCKED_OUT_MESSAGE } from "@/lib/auth/sign-in-throttle";
import { recordAuditEvent } from "@/lib/compliance/record-audit-event";
import { findOpenInvitation } from "@/lib/organizations/members/find-invitation";

type Invitation = Awaited<ReturnType<typeof findOpenInvitation>>;

/** Marks the invitation used (once: a conditional update) and adds the membership, in the caller's transaction. */
async function join(tx: DbClient, invitation: Invitation, user: { id: string; email: string }, now: Date) {
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, status: "PENDING", expiresAt: { gt: now } },
    data: { status: "ACCEPTED", acceptedAt: now, acceptedByUserId: user.id },
  });
  if (count === 0) throw new AppError("conflict", "This invitation has already been used. Sign in instead, or ask for a new one.");
  const existing = await tx.membership.findUnique({
    where: { userId_organizationId: { userId: user.id, organizationId: invitation.organizationId } },
    select: { id: true },
  });
  if (existing) throw new AppError("conflict", `You are already a member of ${invitation.organization.name}.`);
  const membership = await tx.membership.create({
    data: { userId: user.id, organizationId: invitation.organizationId, role: invitation.role },
    select: { id: true },
  });
  // They arrive in the clinic that invited them.
  await tx.user.update({ where: { id: user.id }, data: { activeOrganizationId: invitation.organizationId } });
  await recordAuditEvent(tx, {
    organizationId: invitation.organizationId,
    action: "INVITATION_ACCEPTED",
    actor: { userId: user.id, email: user.email },
    targetType: "membership",
    targetId: membership.id,
    after: { email: user.email, role: invitation.role },
    data: { invitationId: invitation.id },
  });
  return { organizationId: invitation.organizationId, organizationName: invitation.organization.name, role: invitation.role };
}

function assertSameEmail(invitation: Invitation, email: string) {
  if (invitation.email !== email.toLowerCase()) {
    throw new AppError("forbidden", `This invitation is for ${invitation.email}. Sign in with that account to accept it.`);
  }
}

/** A signed-in user accepts an invitation addressed to their email. */
export async function acceptInvitation(user: { id: string; email: string }, token: string, now: Date = new Date()) {
  return getDb().$transaction(async (tx) => {
    const invitation = await findOpenInvitation(tx, token, now);
    assertSameEmail(invitation, user.email);
    return join(tx, invitation, user, now);
  });
}

/** Someone without an account accepts: the account is created with the invitation's email, then joins. */
export async function acceptInvitationWithSignUp(input: { token: string; name: string; password: string }, ip: string, now: Date = new Date()) {
  const invitation = await findOpenInvitation(getDb(), input.token, now);
  if (!(await admitSignUp(ip, invitation.email, now))) throw new AppError("rate_limited", LOCKED_OUT_MESSAGE);
  const passwordHash = await hashPassword(input.password);
  const accountExists = () => new AppError("conflict", `An account for ${invitation.email} already exists. Sign in to accept the invitation.`);
  try {
    return await getDb().$transaction(async (tx) => {
      const fresh = await findOpenInvitation(tx, input.token, now);
      if (await tx.user.findUnique({ where: { email: fresh.email }, select: { id: true } })) throw accountExists();
      const user = await tx.user.create({ data: { email: fresh.email, name: input.name, passwordHash }, select: { id: true, email: true } });
      return { ...(await join(tx, fresh, user, now)), email: user.email };
    });
  } catch (error) {
    // The same link (or a plain sign-up with this email) made the account a moment ago: the check above
    // could not see it yet, the unique email refused the second. A 409, like the sequential case.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw accountExists();
    throw error;
  }
}
