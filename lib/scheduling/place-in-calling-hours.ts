import { AppError } from "@/lib/errors";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { nextCallingTime } from "@/lib/scheduling/next-calling-time";
import type { CallingRules } from "@/lib/scheduling/plan-batch";
import { isPast } from "@/lib/time/past-grace";
import { nextPatientCallTime, type PatientLimits } from "@/lib/compliance/next-patient-call-time";

/** Why the time asked for was not kept ("after_appointment": a check-in about a visit asked for before the visit ended). */
export type MovedReason = "past" | "outside_calling_hours" | "call_limit" | "after_appointment";

export interface PlacedTime {
  at: Date;
  /** The time asked for, when it was moved (stored as ScheduledCall.requestedTime). */
  requested: Date | null;
  moved: MovedReason | null;
  /** One plain sentence for staff when the time moved; null when it runs as asked. */
  message: string | null;
}

/** "Tue 8 Dec, 9:00 AM" in the clinic's zone. */
export function clinicWhen(at: Date | number, timeZone: string): string {
  return format(new TZDate(+at, timeZone), "EEE d MMM, h:mm a");
}

/**
 * The first time from `asked` on when this recipient may be called (the clinic's calling hours and the
 * recipient's legal 08:00–21:00) — with `patient`, also their state's hours and their call limits, as the
 * dispatcher will judge them. A time in the past starts from now. Says in plain words when and why
 * it moved; a 422 when the two windows never overlap.
 */
export function placeInCallingHours(asked: Date, now: Date, rules: CallingRules, recipientZone: string, patient?: PatientLimits): PlacedTime {
  // A time picked as "now" is a few seconds old when it arrives: that is not "in the past".
  const past = isPast(asked, now);
  const start = Math.max(+asked, +now);
  const allowed = patient ? nextPatientCallTime(start, rules, recipientZone, patient) : null;
  const at = allowed ? allowed.at : nextCallingTime(start, rules, recipientZone);
  if (at === null)
    throw new AppError(
      "unprocessable",
      "The clinic’s calling hours never overlap the patient’s legal calling hours (08:00–21:00 their time). Change the calling hours in Settings.",
    );
  if (at === start && !past) return { at: new Date(at), requested: null, moved: null, message: null };
  const when = clinicWhen(at, rules.timezone);
  const capped = allowed && "capped" in allowed ? allowed.capped : null;
  if (capped)
    return {
      at: new Date(at),
      requested: asked,
      moved: "call_limit",
      message: `The patient was ${capped.reason}, so the call is set for the next time their call limit allows: ${when}.`,
    };
  return past
    ? { at: new Date(at), requested: asked, moved: "past", message: `The time asked for had passed, so the call is set for the next calling time: ${when}.` }
    : {
        at: new Date(at),
        requested: asked,
        moved: "outside_calling_hours",
        message: `The time asked for is outside calling hours, so the call is set for the next calling time: ${when}.`,
      };
}
