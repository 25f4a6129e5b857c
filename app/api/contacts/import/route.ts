import { auditActor, withOrg } from "@/lib/auth/with-org";
import { importContacts } from "@/lib/contacts/import/import-contacts";
import { readImportRequest } from "@/lib/contacts/import/read-import-request";

/**
 * A 100,000-row import takes seconds on a quiet host and took 44–119 s on a 2-core machine at load 25
 * (npm run bench -- million): give slow hosts room before the platform cuts it off (Vercel allows up to
 * 300 s on Pro; a Hobby plan caps it at 60).
 */
export const maxDuration = 300;

export const POST = withOrg("contacts.import", async ({ req, ctx }) => {
  const { file, ...options } = await readImportRequest(req);
  return Response.json(await importContacts(ctx.organization, file, options, auditActor(ctx)));
});
