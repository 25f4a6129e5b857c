import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createSecretToken } from "@/lib/auth/secret-token";
import { createUser } from "./index";

/** Adds an existing or new user to an organization with a role. */
export async function addMember(organizationId: string, role: Role, user?: { id: string; email: string; name: string }) {
  const member = user ?? (await createUser());
  const membership = await getDb().membership.create({ data: { userId: member.id, organizationId, role } });
  return { user: { ...member }, membership };
}

/** An invitation row with a known token (the API never shows the token again, so tests make their own). */
export async function createInvitation(
  organizationId: string,
  overrides: Partial<{ email: string; role: Role; expiresAt: Date; status: "PENDING" | "ACCEPTED" | "REVOKED" }> = {},
) {
  const { token, hash } = createSecretToken("cbinv");
  const invitation = await getDb().invitation.create({
    data: {
      organizationId,
      email: overrides.email ?? `invitee-${Math.random().toString(36).slice(2)}@example.com`,
      role: overrides.role ?? "STAFF",
      status: overrides.status ?? "PENDING",
      tokenHash: hash,
      expiresAt: overrides.expiresAt ?? new Date(Date.now() + 24 * 60 * 60 * 1000),
    },
  });
  return { invitation, token };
}
