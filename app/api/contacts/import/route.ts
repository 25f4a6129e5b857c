import { withOrg } from "@/lib/auth/with-org";
import { importContacts } from "@/lib/contacts/import/import-contacts";
import { readImportRequest } from "@/lib/contacts/import/read-import-request";

/** A 10,000-row import takes a few seconds; give slow hosts room before the platform cuts it off. */
export const maxDuration = 60;

export const POST = withOrg("contacts.import", async ({ req, ctx }) => {
  const { file, ...options } = await readImportRequest(req);
  return Response.json(await importContacts(ctx.organization, file, options));
});
