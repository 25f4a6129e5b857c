import { auditActor, withOrg } from "@/lib/auth/with-org";
import { readQuery } from "@/lib/http/parse-request";
import { exportContactsCsv } from "@/lib/contacts/export/export-contacts";
import { exportContactsQuerySchema } from "@/lib/contacts/schemas";

export const GET = withOrg(
  "contacts.read",
  async ({ req, ctx }) => {
    const query = readQuery(req, exportContactsQuerySchema);
    const date = new Date().toLocaleDateString("en-CA", { timeZone: ctx.organization.timezone });
    return new Response(await exportContactsCsv(ctx.organization, query, auditActor(ctx)), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="contacts-${ctx.organization.slug}-${date}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
  // A plain download link: the page names its clinic in the address (lib/http/page-download-href.ts).
  { pageOrganizationInQuery: true },
);
