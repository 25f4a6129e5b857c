import { getDb } from "@/lib/db";

/**
 * Whether a session token is still current: it carries the user's sessionVersion from sign-in, and
 * every endSessions() bumps the stored one. Tokens issued before versions existed carry none and
 * count as version 0, so they stay valid until the first bump.
 */
export function isCurrentSession(tokenVersion: number | undefined, userVersion: number): boolean {
  return (tokenVersion ?? 0) === userVersion;
}

/** The user whose token of `tokenVersion` this is, from our own records; null once the session has ended or the user is gone. */
export async function findSessionUser(userId: string, tokenVersion: number | undefined): Promise<{ id: string; email: string } | null> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { id: true, email: true, sessionVersion: true } });
  return user && isCurrentSession(tokenVersion, user.sessionVersion) ? { id: user.id, email: user.email } : null;
}

/**
 * Ends every session of this user at once (sign out everywhere; also meant for a password change or
 * an account lockout): each request with an older token is refused from the next one on. Returns
 * the new version, or null when the user does not exist.
 */
export async function endSessions(userId: string): Promise<number | null> {
  const updated = await getDb().user.updateManyAndReturn({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return updated[0]?.sessionVersion ?? null;
}
