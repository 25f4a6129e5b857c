import { AppError } from "@/lib/errors";
import { isPast } from "@/lib/time/past-grace";

export const START_PASSED_MESSAGE = "That time has already passed. Pick a time from now on.";

/**
 * Every new booking and every move — staff or agent — goes through here: a start already past is a 422,
 * nothing written. The shared grace (lib/time/past-grace.ts) keeps 10:00 bookable until 10:01, so a form
 * sent at 10:00:30 is not refused. Changing only an appointment's status never comes here: a past
 * appointment can still be confirmed or cancelled for the record.
 */
export function refusePassedStart(
  startsAt: Date | number,
  now: Date | number,
  options: { path?: string; message?: string; extra?: Record<string, unknown> } = {},
): void {
  if (!isPast(startsAt, now)) return;
  const message = options.message ?? START_PASSED_MESSAGE;
  throw new AppError("unprocessable", message, { issues: [{ path: options.path ?? "startsAt", message }], extra: options.extra });
}
