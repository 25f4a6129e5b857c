/**
 * A time picked "now" in a form is some seconds old when it arrives (the inputs hold whole minutes, a
 * person takes a moment): that much past still counts as now. Scheduling, check-ins and appointments
 * share it, so "in the past" means the same everywhere.
 */
export const PAST_GRACE_MS = 60_000;

/** True when `at` is more than the grace before `now`: 10:00 sent at 10:00:59 is now, at 10:01:00.001 it has passed. */
export function isPast(at: Date | number, now: Date | number): boolean {
  return +at < +now - PAST_GRACE_MS;
}
