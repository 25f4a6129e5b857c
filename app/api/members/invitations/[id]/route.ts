import { memberActor, withOrg } from "@/lib/auth/with-org";
import { notFound } from "@/lib/errors";
import { recordIdSchema } from "@/lib/organizations/members/schemas";
import { revokeInvitation } from "@/lib/organizations/members/revoke-invitation";

export const DELETE = withOrg<{ id: string }>("members.manage", async ({ params, ctx }) => {
  // A malformed id can name no invitation: the same 404 as another clinic's.
  if (!recordIdSchema.safeParse(params.id).success) throw notFound("Invitation");
  await revokeInvitation(ctx.organization.id, memberActor(ctx), params.id);
  return new Response(null, { status: 204 });
});
