import { withOrg } from "@/lib/auth/with-org";
import { readQuery } from "@/lib/http/parse-request";
import { defaultCallbackTime } from "@/lib/callbacks/default-callback-time";
import { callbackTargetQuerySchema } from "@/lib/callbacks/schemas";

/** What the "Call back" dialog starts from: `?contactId=` or `?callId=` → `{ dueAt }`, a time `POST /api/callbacks` keeps as asked. */
export const GET = withOrg("calls.schedule", async ({ req, ctx }) => {
  const target = readQuery(req, callbackTargetQuerySchema);
  return Response.json({ dueAt: (await defaultCallbackTime(ctx.organization.id, target)).toISOString() });
});
