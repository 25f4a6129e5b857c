import { withOrg } from "@/lib/auth/with-org";
import { cancelCheckIn } from "@/lib/check-ins/cancel-check-in";

type Params = { id: string };

/** Cancels the check-in's calls that have not rung yet. */
export const DELETE = withOrg<Params>("calls.schedule", async ({ params, ctx }) => {
  return Response.json(await cancelCheckIn(ctx.organization.id, params.id));
});
