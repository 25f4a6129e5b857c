import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** Remembers the organization the switcher chose. An organization the user is not a member of is a 404. */
export async function switchOrganization(userId: string, organizationId: string) {
  const membership = await getDb().membership.findUnique({
    where: { userId_organizationId: { userId, organizationId } },
    select: { organizationId: true, role: true },
  });
  if (!membership) throw notFound("Organization");
  await getDb().user.update({ where: { id: userId }, data: { activeOrganizationId: organizationId } });
  return membership;
}
