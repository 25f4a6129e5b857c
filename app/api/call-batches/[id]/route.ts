import { withOrg } from "@/lib/auth/with-org";
import { batchAnswer } from "@/lib/scheduling/batch-answer";

export const GET = withOrg<{ id: string }>("calls.read", async ({ params, ctx }) => {
  return Response.json(await batchAnswer(ctx.organization.id, params.id));
});
