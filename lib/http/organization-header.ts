/**
 * A dashboard page's API requests name the organization the page shows, so a tab left open on one clinic
 * never acts on the clinic chosen since in another tab (the active one is remembered per user, not per tab).
 * The server renders the id on the dashboard shell; lib/http/tenant-fetch.ts reads it there and sends it;
 * getTenantContext (lib/auth/tenant-context.ts) acts on that organization or refuses.
 */
export const ORGANIZATION_HEADER = "x-callboard-organization";

/**
 * The same, in the address of a download: a plain `<a download>` link cannot send a header. Only the routes
 * that opt in read it (withOrg's `pageOrganizationInQuery`), and only on GET (lib/http/requested-organization.ts).
 */
export const ORGANIZATION_PARAM = "organization";

/** The attribute of the dashboard shell that holds the id of the organization the page shows. */
export const PAGE_ORGANIZATION_ATTRIBUTE = "data-callboard-organization";
