import { withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { placeCall } from "@/lib/calls/place-call";
import { triggerCallSchema } from "@/lib/calls/schemas";

export const POST = withOrg("calls.place", async ({ req, ctx }) => {
  const input = await readJson(req, triggerCallSchema, 100_000);
  const result = await placeCall({ organizationId: ctx.organization.id, userId: ctx.user.id, email: ctx.user.email, role: ctx.role }, input);
  return Response.json(result, { status: 201 });
});
