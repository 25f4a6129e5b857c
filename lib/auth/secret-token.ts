import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Secrets Callboard hands out (invitation links, agent tool tokens): 32 random bytes, base64url, behind a
 * short prefix that says what the token is for. Only the sha256 is stored — high-entropy tokens need no
 * slow hash — so a database leak reveals no usable token.
 */
export function createSecretToken(prefix: string): { token: string; hash: string; visiblePrefix: string } {
  const token = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashSecretToken(token), visiblePrefix: token.slice(0, prefix.length + 9) };
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison of a presented token with a stored hash; false for anything malformed. */
export function secretTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecretToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  // Both are sha256 digests; a stored value of another length is corrupt and matches nothing.
  return stored.length === given.length && timingSafeEqual(given, stored);
}
