import { memberActor, withOrg } from "@/lib/auth/with-org";
import { removeMember } from "@/lib/organizations/members/remove-member";

// Any member may leave the organization the page shows, else the active one (the last owner may not).
export const POST = withOrg("organization.read", async ({ ctx }) => {
  await removeMember(ctx.organization.id, memberActor(ctx), { leaving: true });
  return new Response(null, { status: 204 });
});
