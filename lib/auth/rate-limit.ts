import { getDb } from "@/lib/db";

export interface RateLimitRule {
  /** Attempts allowed in one window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitHit {
  allowed: boolean;
  count: number;
  /** Seconds until the window that refused this attempt ends. */
  retryAfterSeconds: number;
}

const PRUNE_PROBABILITY = 0.01;

/**
 * Counts one attempt against `key` in a fixed window, in one statement: the row is created, bumped or
 * restarted (when its window has passed) atomically, so concurrent attempts on any number of
 * serverless instances are all counted and none slips through between a read and a write.
 */
export async function hitRateLimit(key: string, rule: RateLimitRule, now: Date = new Date()): Promise<RateLimitHit> {
  const windowOpenedAfter = new Date(now.getTime() - rule.windowSeconds * 1000);
  const rows = await getDb().$queryRaw<Array<{ count: number; windowStart: Date }>>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart", "updatedAt")
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowOpenedAfter} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowOpenedAfter} THEN ${now} ELSE "RateLimitBucket"."windowStart" END,
      "updatedAt" = ${now}
    RETURNING "count", "windowStart"`;
  // Now and then, drop buckets idle for a day (every window is far shorter), so the table stays small.
  if (Math.random() < PRUNE_PROBABILITY) {
    await getDb().$executeRaw`DELETE FROM "RateLimitBucket" WHERE "updatedAt" < ${new Date(now.getTime() - 24 * 60 * 60 * 1000)}`;
  }
  const { count, windowStart } = rows[0]!;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000));
  return { allowed: count <= rule.limit, count, retryAfterSeconds };
}

/** Takes back one counted attempt (a sign-in that turned out to be right), never below zero. */
export async function refundRateLimit(key: string): Promise<void> {
  await getDb().$executeRaw`UPDATE "RateLimitBucket" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${key}`;
}

// The one client address every per-address limit counts (kept under this name for existing callers).
export { clientAddress as clientIp } from "@/lib/auth/client-address";
