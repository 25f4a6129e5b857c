import { withErrors } from "@/lib/auth/with-org";
import { clientAddress } from "@/lib/auth/client-address";
import { readJson } from "@/lib/http/parse-request";
import { acceptWithSignUpSchema } from "@/lib/organizations/members/schemas";
import { acceptInvitationWithSignUp } from "@/lib/organizations/members/accept-invitation";

export const POST = withErrors(async (req) => {
  const input = await readJson(req, acceptWithSignUpSchema, 10_000);
  return Response.json(await acceptInvitationWithSignUp(input, clientAddress(req.headers)), { status: 201 });
});
