import { auditActor, withOrg } from "@/lib/auth/with-org";
import { retryBatch } from "@/lib/scheduling/retry-batch";

/** "Retry failed and unanswered": a new linked batch for the finished batch's failed and unanswered calls; 409 while it runs. */
export const POST = withOrg<{ id: string }>("calls.schedule", async ({ params, ctx }) => {
  return Response.json(await retryBatch({ organizationId: ctx.organization.id, ...auditActor(ctx) }, params.id), { status: 201 });
});
