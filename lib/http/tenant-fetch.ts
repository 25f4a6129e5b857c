import { ORGANIZATION_HEADER, PAGE_ORGANIZATION_ATTRIBUTE } from "@/lib/http/organization-header";

/** A path of Callboard's own API: relative, so the header below never goes to another origin. */
export type ApiPath = `/api/${string}`;

/**
 * The organization the page shows, as the server rendered it; null outside the dashboard. The last mark in the
 * document is the page's own (components/dashboard/page-organization.tsx): the shell's, rendered by the layout,
 * is not re-rendered on a soft navigation and can be older.
 */
export function pageOrganizationId(doc: Pick<Document, "querySelectorAll"> | undefined = globalThis.document): string | null {
  const marks = doc?.querySelectorAll(`[${PAGE_ORGANIZATION_ATTRIBUTE}]`);
  return (marks && marks.length > 0 ? marks[marks.length - 1]!.getAttribute(PAGE_ORGANIZATION_ATTRIBUTE) : null) || null;
}

/** `init` with the page's organization in ORGANIZATION_HEADER (the caller's own headers kept); unchanged without one. */
export function withPageOrganization(init: RequestInit = {}, organizationId: string | null = pageOrganizationId()): RequestInit {
  if (!organizationId) return init;
  const headers = new Headers(init.headers);
  headers.set(ORGANIZATION_HEADER, organizationId);
  return { ...init, headers };
}

/**
 * `fetch` for a tenant route, from the browser: the server acts on the clinic this page shows, or answers
 * 409 (stale_organization) when the user no longer belongs to it — never on the clinic switched to in another tab.
 */
export function tenantFetch(path: ApiPath, init?: RequestInit): Promise<Response> {
  return fetch(path, withPageOrganization(init));
}
