import { getDb } from "@/lib/db";
import { findOpenInvitation } from "@/lib/organizations/members/find-invitation";

/**
 * What the invite page shows to whoever holds the link: the clinic, the role, the invited email, and
 * whether that email has an account already (so the page asks for a password or offers sign-up).
 */
export async function previewInvitation(token: string, signedInEmail: string | null, now: Date = new Date()) {
  const invitation = await findOpenInvitation(getDb(), token, now);
  const account = await getDb().user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    organizationName: invitation.organization.name,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    accountExists: Boolean(account),
    signedInEmail,
  };
}
