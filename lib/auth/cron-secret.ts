import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Checks `Authorization: Bearer <CRON_SECRET>` (what Vercel Cron sends). Fails closed: an unset or
 * blank secret matches nothing — so "Bearer undefined" never passes on a server that forgot it —
 * in every environment. Both sides are hashed to one length first, so the comparison takes the same
 * time whatever was sent.
 */
export function verifyCronSecret(authorization: string | null, secret: string | undefined): boolean {
  const expected = secret?.trim();
  if (!expected) return false;
  const match = /^Bearer (.+)$/.exec(authorization ?? "");
  if (!match?.[1]) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(expected));
}
