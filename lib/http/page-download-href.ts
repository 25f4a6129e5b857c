import { ORGANIZATION_PARAM } from "@/lib/http/organization-header";

/**
 * The address of a download (an `<a download>` link, which cannot send ORGANIZATION_HEADER) naming the clinic
 * the page shows, so a tab left on one clinic exports that clinic, not the one chosen since in another tab.
 * `href` is a path of our own API, with or without a query; the route must opt in (withOrg's `pageOrganizationInQuery`).
 */
export function pageDownloadHref(href: string, organizationId: string): string {
  const url = new URL(href, "http://callboard.invalid");
  url.searchParams.set(ORGANIZATION_PARAM, organizationId);
  return `${url.pathname}${url.search}`;
}
