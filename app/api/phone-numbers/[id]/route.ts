import { auditActor, withOrg } from "@/lib/auth/with-org";
import { notFound } from "@/lib/errors";
import { recordIdSchema } from "@/lib/organizations/members/schemas";
import { removePhoneNumber } from "@/lib/phone-numbers/remove-phone-number";

export const DELETE = withOrg<{ id: string }>("agents.manage", async ({ params, ctx }) => {
  if (!recordIdSchema.safeParse(params.id).success) throw notFound("Phone number");
  await removePhoneNumber(ctx.organization.id, auditActor(ctx), params.id);
  return new Response(null, { status: 204 });
});
