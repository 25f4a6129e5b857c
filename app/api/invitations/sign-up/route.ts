import { withErrors } from "@/lib/auth/with-org";
import { clientIp } from "@/lib/auth/rate-limit";
import { readJson } from "@/lib/http/parse-request";
import { acceptWithSignUpSchema } from "@/lib/organizations/members/schemas";
import { acceptInvitationWithSignUp } from "@/lib/organizations/members/accept-invitation";

export const POST = withErrors(async (req) => {
  const input = await readJson(req, acceptWithSignUpSchema, 10_000);
  return Response.json(await acceptInvitationWithSignUp(input, clientIp(req.headers)), { status: 201 });
});
