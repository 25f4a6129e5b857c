import { createHash } from "node:crypto";
import { addressBucket } from "@/lib/auth/client-address";
import { hitRateLimit, refundRateLimit, type RateLimitRule } from "@/lib/auth/rate-limit";

/**
 * Failed sign-ins allowed per window. The everyday lockout is per account AND address, so a stranger
 * guessing from another address does not lock the real person out. The per-account ceiling is ten
 * times higher: it bounds guessing spread over many addresses (100 guesses per 15 minutes per account)
 * and takes at least ten addresses to reach. The per-address limit stops one address trying many accounts.
 */
export const SIGN_IN_PER_ACCOUNT_AND_ADDRESS: RateLimitRule = { limit: 10, windowSeconds: 15 * 60 };
export const SIGN_IN_PER_ACCOUNT: RateLimitRule = { limit: 100, windowSeconds: 15 * 60 };
export const SIGN_IN_PER_IP: RateLimitRule = { limit: 30, windowSeconds: 15 * 60 };
/** Sign-ups per address and per email, per window. */
export const SIGN_UP_PER_IP: RateLimitRule = { limit: 20, windowSeconds: 60 * 60 };
export const SIGN_UP_PER_EMAIL: RateLimitRule = { limit: 5, windowSeconds: 60 * 60 };

export { LOCKED_OUT_MESSAGE, SIGN_IN_RATE_LIMITED } from "@/lib/auth/lockout-message";

// Emails are hashed into the keys: the bucket table then holds no list of who tried to sign in.
// Addresses are counted by addressBucket (an IPv6 address by its /64).
const emailHash = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
const accountKey = (scope: string, email: string) => `${scope}:account:${emailHash(email)}`;
const ipKey = (scope: string, ip: string) => `${scope}:ip:${addressBucket(ip)}`;
const accountAddressKey = (scope: string, email: string, ip: string) =>
  `${scope}:account-ip:${createHash("sha256")
    .update(`${emailHash(email)} ${addressBucket(ip)}`)
    .digest("hex")}`;
const signInKeys = (ip: string, email: string) => [accountAddressKey("sign-in", email, ip), accountKey("sign-in", email), ipKey("sign-in", ip)] as const;

/**
 * Counts a sign-in attempt before the password is checked, so parallel guesses cannot outrun the
 * limit. Returns false when this account from this address, the account as a whole, or the address is
 * over its limit. A correct password is then refunded (refundSignIn): only failures add up, and staff
 * signing in all day never trip it.
 */
export async function admitSignIn(ip: string, email: string, now: Date = new Date()): Promise<boolean> {
  const [pairKey, wholeAccountKey, addressKey] = signInKeys(ip, email);
  const hits = await Promise.all([
    hitRateLimit(pairKey, SIGN_IN_PER_ACCOUNT_AND_ADDRESS, now),
    hitRateLimit(wholeAccountKey, SIGN_IN_PER_ACCOUNT, now),
    hitRateLimit(addressKey, SIGN_IN_PER_IP, now),
  ]);
  return hits.every((hit) => hit.allowed);
}

export async function refundSignIn(ip: string, email: string): Promise<void> {
  await Promise.all(signInKeys(ip, email).map((key) => refundRateLimit(key)));
}

/** Every sign-up attempt counts (it creates an account and a clinic). */
export async function admitSignUp(ip: string, email: string, now: Date = new Date()): Promise<boolean> {
  const [account, address] = await Promise.all([
    hitRateLimit(accountKey("sign-up", email), SIGN_UP_PER_EMAIL, now),
    hitRateLimit(ipKey("sign-up", ip), SIGN_UP_PER_IP, now),
  ]);
  return account.allowed && address.allowed;
}
