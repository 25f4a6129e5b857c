import { withOrg } from "@/lib/auth/with-org";
import { readJson, readQuery } from "@/lib/http/parse-request";
import { createCheckIn } from "@/lib/check-ins/create-check-in";
import { listCheckIns } from "@/lib/check-ins/list-check-ins";
import { createCheckInSchema, listCheckInsQuerySchema } from "@/lib/check-ins/schemas";

/** A check-in: `{ contactId, time, repeat, note? }` → the plan and each call's time (and whether it moved). */
export const POST = withOrg("calls.schedule", async ({ req, ctx }) => {
  const input = await readJson(req, createCheckInSchema, 10_000);
  return Response.json(await createCheckIn(ctx.organization.id, { userId: ctx.user.id }, input), { status: 201 });
});

/** The clinic's check-ins (`?contactId=` for one patient's), with their calls' status. */
export const GET = withOrg("calls.read", async ({ req, ctx }) => {
  const query = readQuery(req, listCheckInsQuerySchema);
  return Response.json(await listCheckIns(ctx.organization.id, query));
});
