import { withOrg } from "@/lib/auth/with-org";
import { listMembers } from "@/lib/organizations/members/list-members";

export const GET = withOrg("members.read", async ({ ctx }) => Response.json(await listMembers(ctx.organization.id)));
