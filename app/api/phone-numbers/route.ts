import { auditActor, withOrg } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { registerPhoneNumberSchema } from "@/lib/phone-numbers/schemas";
import { listPhoneNumbers } from "@/lib/phone-numbers/list-phone-numbers";
import { registerPhoneNumber } from "@/lib/phone-numbers/register-phone-number";

export const GET = withOrg("settings.read", async ({ ctx }) => Response.json({ phoneNumbers: await listPhoneNumbers(ctx.organization.id) }));

export const POST = withOrg("agents.manage", async ({ req, ctx }) => {
  const input = await readJson(req, registerPhoneNumberSchema, 10_000);
  return Response.json({ phoneNumber: await registerPhoneNumber(ctx.organization.id, auditActor(ctx), input) }, { status: 201 });
});
