import { memberActor, withOrg } from "@/lib/auth/with-org";
import { notFound } from "@/lib/errors";
import { readJson } from "@/lib/http/parse-request";
import { changeRoleSchema, recordIdSchema } from "@/lib/organizations/members/schemas";
import { changeMemberRole } from "@/lib/organizations/members/change-member-role";
import { removeMember } from "@/lib/organizations/members/remove-member";

function membershipId(id: string): string {
  if (!recordIdSchema.safeParse(id).success) throw notFound("Member");
  return id;
}

export const PATCH = withOrg<{ id: string }>("members.manage", async ({ req, params, ctx }) => {
  const id = membershipId(params.id);
  const { role } = await readJson(req, changeRoleSchema, 10_000);
  return Response.json({ member: await changeMemberRole(ctx.organization.id, memberActor(ctx), id, role) });
});

export const DELETE = withOrg<{ id: string }>("members.manage", async ({ params, ctx }) => {
  await removeMember(ctx.organization.id, memberActor(ctx), { membershipId: membershipId(params.id) });
  return new Response(null, { status: 204 });
});
