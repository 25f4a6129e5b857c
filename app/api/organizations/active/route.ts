import { withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { switchOrganizationSchema } from "@/lib/organizations/schemas";
import { switchOrganization } from "@/lib/organizations/switch-organization";

export const PUT = withOrg("organization.read", async ({ req, ctx }) => {
  const { organizationId } = await readJson(req, switchOrganizationSchema, 10_000);
  const membership = await switchOrganization(ctx.user.id, organizationId);
  return Response.json({ organizationId: membership.organizationId, role: membership.role });
});
