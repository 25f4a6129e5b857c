import { AppError } from "@/lib/errors";

/**
 * A download of patient data starts only from Callboard's own pages (or typed, bookmarked: `none`). The session
 * cookie is SameSite=Lax, so a link on another site would otherwise run an audited export into the user's
 * downloads. Browsers send Sec-Fetch-Site; clients without it (curl, older browsers) are let through.
 */
export function refuseCrossSite(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") {
    throw new AppError("forbidden", "Exports start from Callboard's own pages. Open the export from the page, not from a link elsewhere.");
  }
}
