import { withOrg } from "@/lib/auth/with-org";
import { readQuery } from "@/lib/http/parse-request";
import { listAuditEvents, listAuditEventsQuerySchema } from "@/lib/compliance/list-audit-events";

export const GET = withOrg("audit.read", async ({ req, ctx }) =>
  Response.json(await listAuditEvents(ctx.organization.id, readQuery(req, listAuditEventsQuerySchema))),
);
