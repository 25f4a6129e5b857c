import { auditActor, withOrg } from "@/lib/auth/with-org";
import { notFound } from "@/lib/errors";
import { appOrigin } from "@/lib/http/app-origin";
import { recordIdSchema } from "@/lib/organizations/members/schemas";
import { regenerateAgentToken } from "@/lib/agents/regenerate-agent-token";

// Regenerate: the old token stops working in the same write. The new one is shown this once.
export const POST = withOrg<{ id: string }>("agents.manage", async ({ req, params, ctx }) => {
  if (!recordIdSchema.safeParse(params.id).success) throw notFound("Agent");
  return Response.json(await regenerateAgentToken(ctx.organization.id, auditActor(ctx), params.id, appOrigin(req)), {
    headers: { "cache-control": "no-store" },
  });
});
