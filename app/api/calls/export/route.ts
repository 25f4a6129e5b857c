import { auditActor, withOrg } from "@/lib/auth/with-org";
import { readQuery } from "@/lib/http/parse-request";
import { exportCallsCsv } from "@/lib/calls/history/export-calls";
import { callFiltersSchema } from "@/lib/calls/history/schemas";

/** The call history of the current filter as a CSV download, streamed. */
export const GET = withOrg(
  "calls.read",
  async ({ req, ctx }) => {
    const filters = readQuery(req, callFiltersSchema);
    const date = new Date().toLocaleDateString("en-CA", { timeZone: ctx.organization.timezone });
    return new Response(await exportCallsCsv(ctx.organization, filters, auditActor(ctx)), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="calls-${ctx.organization.slug}-${date}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
  // A plain download link: the page names its clinic in the address (lib/http/page-download-href.ts).
  { pageOrganizationInQuery: true },
);
