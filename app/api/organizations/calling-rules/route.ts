import { auditActor, withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { callingRulesSchema } from "@/lib/organizations/schemas";
import { getCallingRules, updateCallingRules } from "@/lib/organizations/update-calling-rules";

export const GET = withOrg("settings.read", async ({ ctx }) => Response.json(await getCallingRules(ctx.organization.id)));

// The organization comes from the session: an admin can only change their own clinic's rules.
export const PATCH = withOrg("settings.manage", async ({ req, ctx }) => {
  const input = await readJson(req, callingRulesSchema, 10_000);
  return Response.json(await updateCallingRules(ctx.organization.id, input, auditActor(ctx)));
});
