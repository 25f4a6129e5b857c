import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { isCurrentSession } from "@/lib/auth/session-version";
import { requestedOrganizationId, type RequestedOrganizationOptions } from "@/lib/http/requested-organization";

export interface OrganizationSummary {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

export interface TenantContext {
  user: { id: string; email: string; name: string };
  /** The organization the request named (the page's), else the active one. */
  organization: { id: string; name: string; slug: string; timezone: string; defaultCountry: string; locale: string; defaultLanguage: string | null };
  role: Role;
  /** Every organization the user belongs to, for the switcher. */
  organizations: OrganizationSummary[];
}

/**
 * Resolves the signed-in user's organization and role from our own records. With `requestedOrganizationId`
 * (the organization the page shows) it is that one, with the user's role there, while they are still a member —
 * else a 409 that tells them to reload, the same for a clinic they left and one they never belonged to.
 * Without it, it is the active organization: the one the switcher remembered, if the user still belongs to it,
 * else the oldest membership. Neither changes the remembered one. Throws 401 without a session or with an ended
 * one (its token's session version is not the user's, checked in the same query) and 403 without any membership.
 */
export async function resolveTenantContext(userId: string | undefined, sessionVersion?: number, requestedOrganizationId?: string): Promise<TenantContext> {
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
  const chosen =
    requestedOrganizationId === undefined
      ? (user.memberships.find((m) => m.organization.id === user.activeOrganizationId) ?? user.memberships[0])
      : user.memberships.find((m) => m.organization.id === requestedOrganizationId);
  if (!chosen && requestedOrganizationId !== undefined) {
    throw new AppError(
      "stale_organization",
      "This page is out of date: you are no longer a member of the clinic it shows, so nothing was done. Reload the page.",
    );
  }
  if (!chosen) throw new AppError("forbidden", "Your account does not belong to any organization.");
  return {
    user: { id: user.id, email: user.email, name: user.name },
    organization: chosen.organization,
    role: chosen.role,
    organizations: user.memberships.map((m) => ({ id: m.organization.id, name: m.organization.name, slug: m.organization.slug, role: m.role })),
  };
}

/**
 * The tenant context of the current request: for a route handler, pass its request, so the organization its
 * page names (lib/http/requested-organization.ts) is the one acted on; a server component passes none and gets
 * the active one. `options.fromQuery`: a download link may name it in the address instead of the header.
 */
export async function getTenantContext(req?: Request, options?: RequestedOrganizationOptions): Promise<TenantContext> {
  const requested = req ? requestedOrganizationId(req, options) : undefined;
  const session = await getServerSession(authOptions);
  return resolveTenantContext(session?.user?.id, session?.user?.sessionVersion, requested);
}
