import { auditActor, withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { defaultLanguageSettingsSchema } from "@/lib/organizations/schemas";
import { getDefaultLanguage, updateDefaultLanguage } from "@/lib/organizations/update-default-language";

export const GET = withOrg("settings.read", async ({ ctx }) => Response.json(await getDefaultLanguage(ctx.organization.id)));

// The organization comes from the session: an admin can only change their own clinic's language.
export const PATCH = withOrg("settings.manage", async ({ req, ctx }) => {
  const input = await readJson(req, defaultLanguageSettingsSchema, 10_000);
  return Response.json(await updateDefaultLanguage(ctx.organization.id, input, auditActor(ctx)));
});
