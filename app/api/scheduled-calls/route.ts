import { withOrg } from "@/lib/auth/with-org";
import { readJson, readQuery } from "@/lib/http/parse-request";
import { fromZodError } from "@/lib/errors";
import { listScheduledCalls } from "@/lib/scheduling/list-scheduled-calls";
import { scheduleCalls } from "@/lib/scheduling/schedule-calls";
import { idempotencyKeySchema, listScheduledCallsQuerySchema, scheduleCallsSchema } from "@/lib/scheduling/schemas";

// 10,000 ids, or a selection that unticks up to 100,000 contacts of a search.
const MAX_BODY_BYTES = 5_000_000;

/** Schedules a batch; `?dryRun=1` answers the preview and writes nothing. */
export const POST = withOrg("calls.schedule", async ({ req, ctx }) => {
  const dryRun = new URL(req.url).searchParams.get("dryRun") === "1";
  const rawKey = req.headers.get("idempotency-key");
  const key = rawKey === null ? undefined : idempotencyKeySchema.safeParse(rawKey);
  if (key && !key.success) throw fromZodError(key.error, "The Idempotency-Key header is invalid");
  const input = await readJson(req, scheduleCallsSchema, MAX_BODY_BYTES);
  const result = await scheduleCalls({ organizationId: ctx.organization.id, userId: ctx.user.id }, input, { idempotencyKey: key?.data, dryRun });
  if ("preview" in result) return Response.json(result);
  const { replayed, ...answer } = result;
  return Response.json(answer, { status: 201, headers: replayed ? { "idempotent-replayed": "true" } : {} });
});

export const GET = withOrg("calls.read", async ({ req, ctx }) => {
  const query = readQuery(req, listScheduledCallsQuerySchema);
  return Response.json(await listScheduledCalls(ctx.organization.id, query));
});
