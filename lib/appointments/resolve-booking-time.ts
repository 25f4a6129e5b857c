import { AppError } from "@/lib/errors";
import { assertBookableDate } from "@/lib/appointments/check-availability";
import { openingInstants } from "@/lib/appointments/day-slots";
import type { BookingRules } from "@/lib/appointments/load-booking-rules";
import { zonedInstant } from "@/lib/appointments/opening-hours";
import { refusePassedStart } from "@/lib/appointments/refuse-unbookable-start";
import { clockToMinute } from "@/lib/scheduling/calling-window";
import { inLanguage, type LanguageTag } from "@/lib/language/supported-languages";

const refuse = (path: string, message: string) => new AppError("invalid_input", message, { issues: [{ path, message }] });

/**
 * A requested date + wall-clock time + duration as instants in the clinic's zone, with whether it fits
 * inside the day's opening hours. Bad input (a past date, a time the clocks skip) is a 400, a time already
 * past today a 422; outside the hours is an answer, not an error, because the agent offers other times.
 */
export function resolveBookingTime(
  rules: BookingRules,
  date: string,
  time: string,
  durationMinutes: number,
  now: number,
  paths = { date: "date", time: "start_time" },
  language: LanguageTag = "en-US",
) {
  assertBookableDate(date, rules, now, language);
  const startsAt = zonedInstant(rules.timeZone, date, clockToMinute(time)!);
  if (startsAt === null)
    throw refuse(
      paths.time,
      inLanguage(language, {
        en: "That time doesn't exist on that day because the clocks change. Please pick another time.",
        hi: "घड़ी बदलने की वजह से उस दिन यह समय होता ही नहीं। कृपया कोई और समय चुनिए।",
      }),
    );
  // The staff rule (422, with the same grace), in words the agent can say; `reason` as in a "taken" answer.
  refusePassedStart(startsAt, now, {
    path: paths.time,
    message: inLanguage(language, { en: "That time has already passed. Please pick a later time.", hi: "वह समय निकल चुका है। कृपया बाद का कोई समय चुनिए।" }),
    extra: { reason: "passed" },
  });
  const endsAt = startsAt + durationMinutes * 60_000;
  const open = openingInstants(rules, date);
  const withinHours = open !== null && startsAt >= open.opensAt && endsAt <= open.closesAt;
  return { startsAt, endsAt, withinHours };
}
