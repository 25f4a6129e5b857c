import { withOrg } from "@/lib/auth/with-org";
import { notFound } from "@/lib/errors";
import { readJson } from "@/lib/http/parse-request";
import { recordIdSchema } from "@/lib/organizations/members/schemas";
import { addCallerToContacts, addCallerToContactsSchema } from "@/lib/calls/add-caller-to-contacts";

// "Add to contacts" on a call with no contact: 201 when the contact is new, 200 when one had the number.
export const POST = withOrg<{ id: string }>("contacts.write", async ({ req, params, ctx }) => {
  if (!recordIdSchema.safeParse(params.id).success) throw notFound("Call");
  const input = await readJson(req, addCallerToContactsSchema, 10_000);
  const result = await addCallerToContacts(ctx.organization, params.id, input);
  return Response.json(result, { status: result.created ? 201 : 200 });
});
