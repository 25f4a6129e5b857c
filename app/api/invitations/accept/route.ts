import { withErrors } from "@/lib/auth/with-org";
import { getSessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/parse-request";
import { invitationTokenSchema } from "@/lib/organizations/members/schemas";
import { acceptInvitation } from "@/lib/organizations/members/accept-invitation";

// Not withOrg: someone accepting their first invitation belongs to no organization yet.
export const POST = withErrors(async (req) => {
  const { token } = await readJson(req, invitationTokenSchema, 10_000);
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to accept the invitation.");
  return Response.json(await acceptInvitation(user, token));
});
