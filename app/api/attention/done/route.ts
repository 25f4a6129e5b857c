import { auditActor, withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { markAttentionDone } from "@/lib/attention/mark-attention-done";
import { markAttentionDoneSchema } from "@/lib/attention/schemas";

/** "Done" on an item: `{ callId }` or `{ scheduledCallId }`; who and when are recorded and audited. */
export const POST = withOrg("calls.schedule", async ({ req, ctx }) => {
  const input = await readJson(req, markAttentionDoneSchema, 2_000);
  return Response.json(await markAttentionDone(ctx.organization.id, auditActor(ctx), input));
});
