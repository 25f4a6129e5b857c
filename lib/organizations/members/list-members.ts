import { getDb } from "@/lib/db";

/** Members with their roles, oldest first, and the invitations still waiting (never their tokens). */
export async function listMembers(organizationId: string, now: Date = new Date()) {
  const [members, invitations] = await Promise.all([
    getDb().membership.findMany({
      where: { organizationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    getDb().invitation.findMany({
      where: { organizationId, status: "PENDING", expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return {
    members: members.map((m) => ({ id: m.id, userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt })),
    invitations,
  };
}
