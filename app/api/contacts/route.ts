import { withOrg } from "@/lib/auth/with-org";
import { readQuery } from "@/lib/http/parse-request";
import { listContacts } from "@/lib/contacts/list-contacts";
import { listContactsQuerySchema } from "@/lib/contacts/schemas";

export const GET = withOrg("contacts.read", async ({ req, ctx }) => {
  const query = readQuery(req, listContactsQuerySchema);
  return Response.json(await listContacts(ctx.organization.id, query));
});
