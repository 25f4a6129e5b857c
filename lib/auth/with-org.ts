import "server-only";
import { AppError, problemResponse } from "@/lib/errors";
import { can, type Permission } from "@/lib/auth/permissions";
import { getTenantContext, type TenantContext } from "@/lib/auth/tenant-context";
import { assertStorable } from "@/lib/http/parse-request";
import { refuseCrossSite } from "@/lib/http/refuse-cross-site";

type RouteParams = Record<string, string | string[] | undefined>;

export interface OrgHandlerArgs<P extends RouteParams> {
  req: Request;
  params: P;
  ctx: TenantContext;
}

export interface OrgRouteOptions {
  /**
   * A GET download behind a plain `<a download>` link, which cannot send x-callboard-organization: the page's
   * organization may come in the address (`?organization=`) instead, under the header's rules. Downloads only;
   * such a route also refuses a request another site started (lib/http/refuse-cross-site.ts).
   */
  pageOrganizationInQuery?: boolean;
}

/**
 * The one wrapper for tenant route handlers: resolves session → organization → role, checks the
 * permission, awaits the route params, and turns every thrown error into a problem+json response.
 * The organization is the one the page names in x-callboard-organization (a 409 once the user has left
 * it, a 400 when malformed), else the active one (lib/auth/tenant-context.ts).
 */
export function withOrg<P extends RouteParams = RouteParams>(
  permission: Permission,
  handler: (args: OrgHandlerArgs<P>) => Promise<Response>,
  options: OrgRouteOptions = {},
) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = crypto.randomUUID();
    try {
      if (options.pageOrganizationInQuery) refuseCrossSite(req);
      const ctx = await getTenantContext(req, { fromQuery: options.pageOrganizationInQuery === true });
      if (!can(ctx.role, permission)) throw new AppError("forbidden", "Your role does not allow this action.");
      const params = ((await context?.params) ?? {}) as P;
      // A NUL or lone surrogate in a path segment (/api/contacts/%00) would reach the query as a 500.
      assertStorable(params, "The address contains invalid characters");
      return await handler({ req, params, ctx });
    } catch (error) {
      return problemResponse(error, requestId);
    }
  };
}

/** The same error handling for routes that are not tenant-scoped (sign-up, webhooks, cron). */
export function withErrors<P extends RouteParams = RouteParams>(handler: (req: Request, params: P) => Promise<Response>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = ((await context?.params) ?? {}) as P;
      assertStorable(params, "The address contains invalid characters");
      return await handler(req, params);
    } catch (error) {
      return problemResponse(error);
    }
  };
}

/** Who the audit log names for a tenant request. */
export function auditActor(ctx: TenantContext): { userId: string; email: string } {
  return { userId: ctx.user.id, email: ctx.user.email };
}

/** The actor for member management: who, and with which role in this organization. */
export function memberActor(ctx: TenantContext): { userId: string; email: string; role: TenantContext["role"] } {
  return { userId: ctx.user.id, email: ctx.user.email, role: ctx.role };
}
