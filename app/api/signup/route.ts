import { withErrors } from "@/lib/auth/with-org";
import { readJson } from "@/lib/http/parse-request";
import { signUpSchema } from "@/lib/organizations/schemas";
import { signUp } from "@/lib/organizations/sign-up";
import { clientAddress } from "@/lib/auth/client-address";

export const POST = withErrors(async (req) => {
  const input = await readJson(req, signUpSchema, 10_000);
  const account = await signUp(input, clientAddress(req.headers));
  return Response.json({ userId: account.userId, organizationId: account.organizationId }, { status: 201 });
});
