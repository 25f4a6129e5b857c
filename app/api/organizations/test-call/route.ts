import { auditActor, withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { placeTestCall, testCallSchema } from "@/lib/organizations/place-test-call";

export const POST = withOrg("agents.manage", async ({ req, ctx }) => {
  const { phoneNumber, override } = await readJson(req, testCallSchema, 10_000);
  return Response.json(await placeTestCall(ctx.organization.id, { ...auditActor(ctx), role: ctx.role, name: ctx.user.name }, phoneNumber, { override }), {
    status: 201,
  });
});
