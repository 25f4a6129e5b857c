import { cache } from "react";
import { redirect } from "next/navigation";
import { getTenantContext, type TenantContext } from "@/lib/auth/tenant-context";
import { AppError } from "@/lib/errors";

export type TenantLookup = { status: "ok"; ctx: TenantContext } | { status: "signed-out" } | { status: "no-organization" };

/**
 * The tenant of this request, looked up once per render (layout and page share it).
 * Sorts the two expected failures by their error code; anything else is a real error and is thrown.
 */
export const lookupTenant = cache(async (): Promise<TenantLookup> => {
  try {
    return { status: "ok", ctx: await getTenantContext() };
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthenticated") return { status: "signed-out" };
    if (error instanceof AppError && error.code === "forbidden") return { status: "no-organization" };
    throw error;
  }
});

/** For dashboard layouts and pages: the tenant, or a redirect to sign in / to the no-organization page. */
export async function requireTenant(): Promise<TenantContext> {
  const result = await lookupTenant();
  if (result.status === "signed-out") redirect("/login");
  if (result.status === "no-organization") redirect("/no-organization");
  return result.ctx;
}

/** For the sign-in and sign-up pages: someone already signed in goes to the dashboard instead. */
export async function redirectIfSignedIn(): Promise<void> {
  const result = await lookupTenant();
  if (result.status === "ok") redirect("/");
  if (result.status === "no-organization") redirect("/no-organization");
}

/** When this request is being rendered (server components render once per request). */
export function requestTime(): number {
  return Date.now();
}
