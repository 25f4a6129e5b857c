import { getDb } from "@/lib/db";

/**
 * Whether a session token is still current: it carries the user's sessionVersion from sign-in, and
 * every endSessions() bumps the stored one. Tokens issued before versions existed carry none and
 * count as version 0, so they stay valid until the first bump.
 */
export function isCurrentSession(tokenVersion: number | undefined, userVersion: number): boolean {
  return (tokenVersion ?? 0) === userVersion;
}

/** Whether this user's token of `tokenVersion` is still current (false when the user is gone). */
export async function isSessionOfUserCurrent(userId: string, tokenVersion: number | undefined): Promise<boolean> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user !== null && isCurrentSession(tokenVersion, user.sessionVersion);
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
