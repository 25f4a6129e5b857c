import { memberActor, withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { appOrigin } from "@/lib/http/app-origin";
import { inviteMemberSchema } from "@/lib/organizations/members/schemas";
import { inviteMember } from "@/lib/organizations/members/invite-member";

// The link is in this answer only: the database keeps the token's hash.
export const POST = withOrg("members.manage", async ({ req, ctx }) => {
  const input = await readJson(req, inviteMemberSchema, 10_000);
  return Response.json(await inviteMember(ctx.organization.id, memberActor(ctx), input, appOrigin(req)), { status: 201 });
});
