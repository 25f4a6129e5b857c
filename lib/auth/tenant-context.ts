import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { isCurrentSession } from "@/lib/auth/session-version";

export interface OrganizationSummary {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

export interface TenantContext {
  user: { id: string; email: string; name: string };
  organization: { id: string; name: string; slug: string; timezone: string; defaultCountry: string; locale: string; defaultLanguage: string | null };
  role: Role;
  /** Every organization the user belongs to, for the switcher. */
  organizations: OrganizationSummary[];
}

/**
 * Resolves the signed-in user's active organization and role from our own records.
 * The active organization is the one the switcher remembered, if the user still belongs to it,
 * else the oldest membership. Throws 401 without a session or with an ended one (its token's session
 * version is not the user's, checked in the same query) and 403 without any membership.
 */
export async function resolveTenantContext(userId: string | undefined, sessionVersion?: number): Promise<TenantContext> {
  if (!userId) throw new AppError("unauthenticated", "Sign in to continue.");
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      activeOrganizationId: true,
      sessionVersion: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: {
          role: true,
          organization: { select: { id: true, name: true, slug: true, timezone: true, defaultCountry: true, locale: true, defaultLanguage: true } },
        },
      },
    },
  });
  if (!user || !isCurrentSession(sessionVersion, user.sessionVersion)) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  const active = user.memberships.find((m) => m.organization.id === user.activeOrganizationId) ?? user.memberships[0];
  if (!active) throw new AppError("forbidden", "Your account does not belong to any organization.");
  return {
    user: { id: user.id, email: user.email, name: user.name },
    organization: active.organization,
    role: active.role,
    organizations: user.memberships.map((m) => ({ id: m.organization.id, name: m.organization.name, slug: m.organization.slug, role: m.role })),
  };
}

/** The tenant context of the current request (route handler or server component). */
export async function getTenantContext(): Promise<TenantContext> {
  const session = await getServerSession(authOptions);
  return resolveTenantContext(session?.user?.id, session?.user?.sessionVersion);
}
