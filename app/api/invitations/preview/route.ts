import { withErrors } from "@/lib/auth/with-org";
import { getSessionUser } from "@/lib/auth/session-user";
import { readJson } from "@/lib/http/parse-request";
import { invitationTokenSchema } from "@/lib/organizations/members/schemas";
import { previewInvitation } from "@/lib/organizations/members/preview-invitation";

// POST, not GET: the token stays out of URLs and logs.
export const POST = withErrors(async (req) => {
  const { token } = await readJson(req, invitationTokenSchema, 10_000);
  const user = await getSessionUser();
  return Response.json(await previewInvitation(token, user?.email ?? null));
});
