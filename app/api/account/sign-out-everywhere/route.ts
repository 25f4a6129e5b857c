import { withErrors } from "@/lib/auth/with-org";
import { getSessionUser } from "@/lib/auth/session-user";
import { endSessions } from "@/lib/auth/session-version";
import { AppError } from "@/lib/errors";

// Not withOrg: the account's sessions are its own, whether or not it still belongs to a clinic.
/** Ends every session of the signed-in user, this one included (the client then signs out locally). */
export const POST = withErrors(async () => {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  await endSessions(user.id);
  return Response.json({ signedOutEverywhere: true });
});
