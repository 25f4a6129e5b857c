import { createHash } from "node:crypto";
import { hitRateLimit, refundRateLimit, type RateLimitRule } from "@/lib/auth/rate-limit";

/** Failed sign-ins allowed per account (whether or not it exists) and per address, per window. */
export const SIGN_IN_PER_ACCOUNT: RateLimitRule = { limit: 10, windowSeconds: 15 * 60 };
export const SIGN_IN_PER_IP: RateLimitRule = { limit: 30, windowSeconds: 15 * 60 };
/** Sign-ups per address and per email, per window. */
export const SIGN_UP_PER_IP: RateLimitRule = { limit: 20, windowSeconds: 60 * 60 };
export const SIGN_UP_PER_EMAIL: RateLimitRule = { limit: 5, windowSeconds: 60 * 60 };

export { LOCKED_OUT_MESSAGE, SIGN_IN_RATE_LIMITED } from "@/lib/auth/lockout-message";

// Emails are hashed into the key: the bucket table then holds no list of who tried to sign in.
const accountKey = (scope: string, email: string) => `${scope}:account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
const ipKey = (scope: string, ip: string) => `${scope}:ip:${ip}`;

/**
 * Counts a sign-in attempt before the password is checked, so parallel guesses cannot outrun the
 * limit. Returns false when the account or the address is locked out. A correct password is then
 * refunded (refundSignIn): only failures add up, and staff signing in all day never trip it.
 */
export async function admitSignIn(ip: string, email: string, now: Date = new Date()): Promise<boolean> {
  const [account, address] = await Promise.all([hitRateLimit(accountKey("sign-in", email), SIGN_IN_PER_ACCOUNT, now), hitRateLimit(ipKey("sign-in", ip), SIGN_IN_PER_IP, now)]);
  return account.allowed && address.allowed;
}

export async function refundSignIn(ip: string, email: string): Promise<void> {
  await Promise.all([refundRateLimit(accountKey("sign-in", email)), refundRateLimit(ipKey("sign-in", ip))]);
}

/** Every sign-up attempt counts (it creates an account and a clinic). */
export async function admitSignUp(ip: string, email: string, now: Date = new Date()): Promise<boolean> {
  const [account, address] = await Promise.all([hitRateLimit(accountKey("sign-up", email), SIGN_UP_PER_EMAIL, now), hitRateLimit(ipKey("sign-up", ip), SIGN_UP_PER_IP, now)]);
  return account.allowed && address.allowed;
}
