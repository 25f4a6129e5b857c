import { auditActor, withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { appOrigin } from "@/lib/http/app-origin";
import { registerAgentSchema } from "@/lib/agents/schemas";
import { listAgents } from "@/lib/agents/list-agents";
import { registerAgent } from "@/lib/agents/register-agent";

export const GET = withOrg("settings.read", async ({ ctx }) => Response.json({ agents: await listAgents(ctx.organization.id) }));

// The token is in this answer only; the database keeps its hash and a short prefix.
export const POST = withOrg("agents.manage", async ({ req, ctx }) => {
  const input = await readJson(req, registerAgentSchema, 10_000);
  return Response.json(await registerAgent(ctx.organization.id, auditActor(ctx), input, appOrigin(req)), {
    status: 201,
    headers: { "cache-control": "no-store" },
  });
});
