import type { CallingRules } from "@/lib/scheduling/plan-batch";
import { nextCallingTime } from "@/lib/scheduling/next-calling-time";

/**
 * Why an attempt is tried again. The provider refusing for now (429, 5xx, network) is worth a quick
 * retry; a patient who did not pick up (busy, no answer, voicemail) is better tried much later.
 */
export type RetryKind = "provider" | "not_connected";

const BACKOFF = {
  provider: { baseMs: 30_000, maxMs: 15 * 60_000 },
  not_connected: { baseMs: 15 * 60_000, maxMs: 4 * 3_600_000 },
} as const;

/**
 * Exponential backoff with jitter: base · 2^(attempt−1), capped, then spread over ±20 % so a batch
 * that failed together does not come back together. A provider's Retry-After is a floor.
 */
export function backoffMs(kind: RetryKind, attempt: number, options: { retryAfterMs?: number | null; random?: () => number } = {}): number {
  const { baseMs, maxMs } = BACKOFF[kind];
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential * (0.8 + 0.4 * (options.random ?? Math.random)());
  return Math.round(Math.max(jittered, options.retryAfterMs ?? 0));
}

/** When the next attempt is due: after the backoff, moved into the clinic's and the recipient's hours. */
export function nextAttemptTime(
  now: Date,
  kind: RetryKind,
  attempt: number,
  rules: CallingRules,
  recipientZone: string,
  options: { retryAfterMs?: number | null; random?: () => number } = {},
): Date | null {
  const earliest = +now + backoffMs(kind, attempt, options);
  const at = nextCallingTime(earliest, rules, recipientZone);
  return at === null ? null : new Date(at);
}
