import { AppError } from "@/lib/errors";
import { hitRateLimit } from "@/lib/auth/rate-limit";

/** Calls one staff member may place by hand (Call now, test calls) per minute, across clinics. */
export const STAFF_DIALS_PER_MINUTE = 10;

/**
 * A per-user ceiling on calls placed by hand: the clinic's line cap bounds calls at once, this bounds a
 * runaway script or a stuck button. Counted before anything is written.
 */
export async function limitStaffDials(userId: string, now: Date = new Date()): Promise<void> {
  const hit = await hitRateLimit(`dial:user:${userId}`, { limit: STAFF_DIALS_PER_MINUTE, windowSeconds: 60 }, now);
  if (!hit.allowed) {
    throw new AppError(
      "rate_limited",
      `You have placed ${STAFF_DIALS_PER_MINUTE} calls in the last minute. Wait ${hit.retryAfterSeconds} seconds, or schedule the calls instead.`,
      { extra: { retryAfterSeconds: hit.retryAfterSeconds } },
    );
  }
}
