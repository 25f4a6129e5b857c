import { auditActor, withOrg } from "@/lib/auth/with-org";
import { confirmCallback } from "@/lib/callbacks/confirm-callback";

type Params = { id: string };

/** Confirms a callback made from a call's outcome ("to confirm" → confirmed); audited. */
export const POST = withOrg<Params>("calls.schedule", async ({ params, ctx }) => {
  return Response.json(await confirmCallback(ctx.organization.id, params.id, auditActor(ctx)));
});
