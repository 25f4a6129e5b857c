import { AppError } from "@/lib/errors";

/** How far ahead a call may be scheduled or moved: further is a slip of the year ("9999"), not a plan. */
export const SCHEDULE_MAX_DAYS_AHEAD = 366;

/** A 400 beside the time field (`path`) when `at` is further ahead than SCHEDULE_MAX_DAYS_AHEAD, as a time in the past is. */
export function refuseDistantCall(at: Date, now: Date, path = "scheduledTime"): void {
  if (+at <= +now + SCHEDULE_MAX_DAYS_AHEAD * 86_400_000) return;
  throw new AppError("invalid_input", "Calls can be scheduled up to a year ahead. Check the year.", {
    issues: [{ path, message: "Must be within a year" }],
  });
}
