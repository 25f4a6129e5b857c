import { withOrg } from "@/lib/auth/with-org";
import { cancelBatch } from "@/lib/scheduling/cancel-batch";

/** Cancels the batch's PENDING calls in one statement. */
export const POST = withOrg<{ id: string }>("calls.schedule", async ({ params, ctx }) => {
  return Response.json(await cancelBatch(ctx.organization.id, params.id));
});
