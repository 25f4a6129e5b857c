import { withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { createCallback } from "@/lib/callbacks/create-callback";
import { createCallbackSchema } from "@/lib/callbacks/schemas";

/** "Call back": `{ contactId | callId, dueAt, note? }` → the callback, and whether (and why) its time moved. */
export const POST = withOrg("calls.schedule", async ({ req, ctx }) => {
  const input = await readJson(req, createCallbackSchema, 10_000);
  return Response.json(await createCallback(ctx.organization.id, { userId: ctx.user.id }, input), { status: 201 });
});
