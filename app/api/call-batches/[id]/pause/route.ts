import { auditActor, withOrg } from "@/lib/auth/with-org";
import { pauseBatch } from "@/lib/scheduling/pause-batch";

/** Pauses the batch's calls not yet claimed (PENDING → PAUSED); 409 when it is already paused or finished. */
export const POST = withOrg<{ id: string }>("calls.schedule", async ({ params, ctx }) => {
  return Response.json(await pauseBatch({ organizationId: ctx.organization.id, ...auditActor(ctx) }, params.id));
});
