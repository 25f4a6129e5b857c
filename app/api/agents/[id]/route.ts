import { auditActor, withOrg } from "@/lib/auth/with-org";
import { notFound } from "@/lib/errors";
import { recordIdSchema } from "@/lib/organizations/members/schemas";
import { removeAgent } from "@/lib/agents/remove-agent";

export const DELETE = withOrg<{ id: string }>("agents.manage", async ({ params, ctx }) => {
  if (!recordIdSchema.safeParse(params.id).success) throw notFound("Agent");
  await removeAgent(ctx.organization.id, auditActor(ctx), params.id);
  return new Response(null, { status: 204 });
});
