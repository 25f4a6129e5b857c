import { withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { cancelScheduledCall } from "@/lib/scheduling/cancel-scheduled-call";
import { rescheduleScheduledCall } from "@/lib/scheduling/reschedule-scheduled-call";
import { rescheduleSchema } from "@/lib/scheduling/schemas";

type Params = { id: string };

/** Cancels a PENDING call (409 with the reason for one under way or finished). */
export const DELETE = withOrg<Params>("calls.schedule", async ({ params, ctx }) => {
  return Response.json(await cancelScheduledCall(ctx.organization.id, params.id));
});

/** Reschedules a PENDING call: `{ scheduledTime }`. */
export const PATCH = withOrg<Params>("calls.schedule", async ({ req, params, ctx }) => {
  const input = await readJson(req, rescheduleSchema, 10_000);
  return Response.json(await rescheduleScheduledCall(ctx.organization.id, params.id, input));
});
