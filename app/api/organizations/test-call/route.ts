import { auditActor, withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { placeTestCall, testCallSchema } from "@/lib/organizations/place-test-call";

export const POST = withOrg("agents.manage", async ({ req, ctx }) => {
  const { phoneNumber } = await readJson(req, testCallSchema, 10_000);
  return Response.json(await placeTestCall(ctx.organization.id, { ...auditActor(ctx), name: ctx.user.name }, phoneNumber), { status: 201 });
});
