import { withOrg } from "@/lib/auth/with-org";
import { readQuery } from "@/lib/http/parse-request";
import { listBatches } from "@/lib/scheduling/list-batches";
import { listBatchesQuerySchema } from "@/lib/scheduling/schemas";

export const GET = withOrg("calls.read", async ({ req, ctx }) => {
  return Response.json(await listBatches(ctx.organization.id, readQuery(req, listBatchesQuerySchema)));
});
