import { memberActor, withOrg } from "@/lib/auth/with-org";
import { readJson, readQuery } from "@/lib/http/parse-request";
import { createContact } from "@/lib/contacts/create-contact";
import { listContacts } from "@/lib/contacts/list-contacts";
import { listContactsWithTotal } from "@/lib/contacts/list-contacts-with-total";
import { createContactSchema, listContactsQuerySchema } from "@/lib/contacts/schemas";

/** A page of contacts. `total` (the number matching) comes with `total=1`, and with every search (it is counted anyway). */
export const GET = withOrg("contacts.read", async ({ req, ctx }) => {
  const { total, ...query } = readQuery(req, listContactsQuerySchema);
  const page = total === "1" || query.q ? await listContactsWithTotal(ctx.organization.id, query) : await listContacts(ctx.organization.id, query);
  return Response.json(page);
});

export const POST = withOrg("contacts.write", async ({ req, ctx }) => {
  const input = await readJson(req, createContactSchema);
  return Response.json({ contact: await createContact(ctx.organization, memberActor(ctx), input) }, { status: 201 });
});
