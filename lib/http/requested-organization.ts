import { AppError } from "@/lib/errors";
import { ORGANIZATION_HEADER, ORGANIZATION_PARAM } from "@/lib/http/organization-header";

// Any id Callboard issues (cuids) fits; a value that does not is a broken client, not a stale page.
const ORGANIZATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface RequestedOrganizationOptions {
  /** The route is a download behind a plain link: the page's organization may come in ORGANIZATION_PARAM. */
  fromQuery?: boolean;
}

/**
 * The organization a browser request names (the one its page shows), or undefined when it names none (curl,
 * server components): ORGANIZATION_HEADER, or for a download that opts in, ORGANIZATION_PARAM of a GET. A
 * malformed value, a repeated parameter, or a header and a parameter that disagree are a 400.
 */
export function requestedOrganizationId(req: Request, { fromQuery = false }: RequestedOrganizationOptions = {}): string | undefined {
  const header = req.headers.get(ORGANIZATION_HEADER);
  if (header !== null && !ORGANIZATION_ID.test(header)) {
    throw new AppError("bad_request", `The ${ORGANIZATION_HEADER} header is not an organization id. Reload the page.`);
  }
  // Only a GET (a link) may name it in the address: a write names it in the header, which another site cannot
  // make a browser send, so the parameter never opens a way the header does not.
  const params = fromQuery && (req.method === "GET" || req.method === "HEAD") ? new URL(req.url).searchParams.getAll(ORGANIZATION_PARAM) : [];
  if (params.length === 0) return header ?? undefined;
  const [param] = params;
  if (params.length > 1 || !ORGANIZATION_ID.test(param!)) {
    throw new AppError("bad_request", `The ${ORGANIZATION_PARAM} parameter of the address is not one organization id. Reload the page.`);
  }
  if (header !== null && header !== param) {
    throw new AppError("bad_request", `The address and the ${ORGANIZATION_HEADER} header name different organizations. Reload the page.`);
  }
  return param;
}
