import { withOrg } from "@/lib/auth/with-org";
import { getBatchResults } from "@/lib/scheduling/batch-results";

/** Answered %, booked %, voicemail % and failures by reason of one batch. */
export const GET = withOrg<{ id: string }>("calls.read", async ({ params, ctx }) => {
  return Response.json(await getBatchResults(ctx.organization.id, params.id));
});
