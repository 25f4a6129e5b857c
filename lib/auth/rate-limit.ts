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

/** The caller's address as the platform's proxy reports it (Vercel sets x-forwarded-for itself). */
export function clientIp(headers: { get(name: string): string | null } | Record<string, unknown> | undefined): string {
  const read = (name: string): string | null => {
    if (!headers) return null;
    if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(name: string): string | null }).get(name);
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : null;
  };
  const forwarded = read("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || read("x-real-ip")?.trim() || "unknown").slice(0, 64);
}
