import { withOrg } from "@/lib/auth/with-org";
import { getContact } from "@/lib/contacts/get-contact";

export const GET = withOrg<{ id: string }>("contacts.read", async ({ params, ctx }) => {
  return Response.json({ contact: await getContact(ctx.organization.id, params.id) });
});
