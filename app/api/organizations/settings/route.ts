import { auditActor, withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { agentSettingsSchema } from "@/lib/organizations/schemas";
import { updateAgentSettings } from "@/lib/organizations/update-agent-settings";

// The organization comes from the session, never from the body: an admin can only change their own.
export const PATCH = withOrg("settings.manage", async ({ req, ctx }) => {
  const input = await readJson(req, agentSettingsSchema, 10_000);
  return Response.json(await updateAgentSettings(ctx.organization.id, input, auditActor(ctx)));
});
