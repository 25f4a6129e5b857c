import { auditActor, withOrg } from "@/lib/auth/with-org";
import { importDoNotCall } from "@/lib/compliance/do-not-call/import-do-not-call";
import { readImportRequest } from "@/lib/contacts/import/read-import-request";

export const maxDuration = 120;

/** A CSV of numbers for the do-not-call list (a phone column, optionally a reason): the report lists row errors. */
export const POST = withOrg("doNotCall.add", async ({ req, ctx }) => {
  const { file, mode, dryRun } = await readImportRequest(req);
  return Response.json(await importDoNotCall(ctx.organization, auditActor(ctx), file, { mode, dryRun }));
});
