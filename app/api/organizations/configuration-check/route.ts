import { auditActor, withOrg } from "@/lib/auth/with-org";
import { checkConfiguration } from "@/lib/organizations/check-configuration";

export const POST = withOrg("agents.manage", async ({ ctx }) => Response.json(await checkConfiguration(ctx.organization.id, auditActor(ctx))));
