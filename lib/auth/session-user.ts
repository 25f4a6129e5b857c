import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { findSessionUser } from "@/lib/auth/session-version";

/**
 * The signed-in user from our own records (not the token's claims), or null — also for a session
 * ended since (another session version); for routes that need no organization.
 */
export async function getSessionUser(): Promise<{ id: string; email: string } | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return findSessionUser(id, session.user.sessionVersion);
}
