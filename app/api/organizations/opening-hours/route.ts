import { auditActor, withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { openingHoursSchema } from "@/lib/organizations/schemas";
import { getOpeningHours, updateOpeningHours } from "@/lib/organizations/update-opening-hours";

export const GET = withOrg("settings.read", async ({ ctx }) => Response.json(await getOpeningHours(ctx.organization.id)));

// The organization comes from the session: an admin can only change their own clinic's hours.
export const PATCH = withOrg("settings.manage", async ({ req, ctx }) => {
  const input = await readJson(req, openingHoursSchema, 10_000);
  return Response.json(await updateOpeningHours(ctx.organization.id, input, auditActor(ctx)));
});
