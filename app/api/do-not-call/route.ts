import { auditActor, withOrg } from "@/lib/auth/with-org";
import { readJson, readQuery } from "@/lib/http/parse-request";
import { addDoNotCallNumber } from "@/lib/compliance/do-not-call/add-do-not-call-number";
import { listDoNotCall } from "@/lib/compliance/do-not-call/list-do-not-call";
import { addDoNotCallSchema, listDoNotCallQuerySchema } from "@/lib/compliance/do-not-call/schemas";

/** The clinic's do-not-call list, newest first, a keyset page at a time. */
export const GET = withOrg("doNotCall.read", async ({ req, ctx }) => {
  return Response.json(await listDoNotCall(ctx.organization.id, readQuery(req, listDoNotCallQuerySchema)));
});

/** Adds a number (201), or answers the entry it already has (200): adding twice changes nothing. */
export const POST = withOrg("doNotCall.add", async ({ req, ctx }) => {
  const input = await readJson(req, addDoNotCallSchema);
  const { entry, added } = await addDoNotCallNumber(ctx.organization, auditActor(ctx), input);
  return Response.json({ entry, added }, { status: added ? 201 : 200 });
});
