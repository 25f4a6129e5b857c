import { memberActor, withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { deleteContact } from "@/lib/contacts/delete-contact";
import { getContact } from "@/lib/contacts/get-contact";
import { updateContactSchema } from "@/lib/contacts/schemas";
import { updateContact } from "@/lib/contacts/update-contact";

export const GET = withOrg<{ id: string }>("contacts.read", async ({ params, ctx }) => {
  return Response.json({ contact: await getContact(ctx.organization.id, params.id) });
});

export const PATCH = withOrg<{ id: string }>("contacts.write", async ({ req, params, ctx }) => {
  const input = await readJson(req, updateContactSchema);
  // doNotCallCarriedOver: the old number was on the do-not-call list, so the new one is too (null otherwise).
  return Response.json(await updateContact(ctx.organization, memberActor(ctx), params.id, input));
});

export const DELETE = withOrg<{ id: string }>("contacts.write", async ({ params, ctx }) => {
  await deleteContact(ctx.organization.id, params.id);
  return new Response(null, { status: 204 });
});
