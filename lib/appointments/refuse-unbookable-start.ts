import { AppError } from "@/lib/errors";
import { MAX_DAYS_AHEAD } from "@/lib/appointments/booking-horizon";
import { isPast } from "@/lib/time/past-grace";

export const START_PASSED_MESSAGE = "That time has already passed. Pick a time from now on.";
export const START_TOO_FAR_MESSAGE = "Appointments can be booked up to a year ahead. Check the year.";

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

/**
 * A staff booking or move: not in the past (refusePassedStart), and not further ahead than the agent may book
 * (MAX_DAYS_AHEAD, a year): a start in 9999 is a slip of the year, not a plan. The agent's tools refuse such a
 * date before this (assertBookableDate), in words it can say.
 */
export function refuseUnbookableStart(startsAt: Date | number, now: Date | number): void {
  refusePassedStart(startsAt, now);
  if (+startsAt > +now + MAX_DAYS_AHEAD * 86_400_000)
    throw new AppError("unprocessable", START_TOO_FAR_MESSAGE, { issues: [{ path: "startsAt", message: START_TOO_FAR_MESSAGE }] });
}
