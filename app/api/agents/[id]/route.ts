import { auditActor, withOrg } from "@/lib/auth/with-org";
import { notFound } from "@/lib/errors";
import { readJson } from "@/lib/http/parse-request";
import { recordIdSchema } from "@/lib/organizations/members/schemas";
import { updateAgentSchema } from "@/lib/agents/schemas";
import { removeAgent } from "@/lib/agents/remove-agent";
import { updateAgent } from "@/lib/agents/update-agent";

export const PATCH = withOrg<{ id: string }>("agents.manage", async ({ req, params, ctx }) => {
  if (!recordIdSchema.safeParse(params.id).success) throw notFound("Agent");
  const input = await readJson(req, updateAgentSchema, 10_000);
  return Response.json({ agent: await updateAgent(ctx.organization.id, auditActor(ctx), params.id, input) });
});

export const DELETE = withOrg<{ id: string }>("agents.manage", async ({ params, ctx }) => {
  if (!recordIdSchema.safeParse(params.id).success) throw notFound("Agent");
  await removeAgent(ctx.organization.id, auditActor(ctx), params.id);
  return new Response(null, { status: 204 });
});
