import { auditActor, withOrg } from "@/lib/auth/with-org";
import { resumeBatch } from "@/lib/scheduling/resume-batch";

/** Resumes a paused batch: its paused calls are re-planned from now inside calling hours; 409 when it is not paused. */
export const POST = withOrg<{ id: string }>("calls.schedule", async ({ params, ctx }) => {
  return Response.json(await resumeBatch({ organizationId: ctx.organization.id, ...auditActor(ctx) }, params.id));
});
