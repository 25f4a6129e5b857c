import type { PatientLimits } from "@/lib/compliance/next-patient-call-time";
import type { CallingRules } from "@/lib/scheduling/plan-batch";
import { clinicWhen, placeInCallingHours, type PlacedTime } from "@/lib/scheduling/place-in-calling-hours";

/** A check-in about a visit rings at least this long after the visit ends: the patient is home, not in the waiting room. */
export const AFTER_VISIT_GAP_MINUTES = 60;

/** The time asked for, but never before the visit has ended and the gap has passed. */
export function notBeforeVisitEnds(asked: Date, appointmentEndsAt: Date): Date {
  return new Date(Math.max(+asked, +appointmentEndsAt + AFTER_VISIT_GAP_MINUTES * 60_000));
}

/**
 * Places an "N days after the appointment" call in calling hours. With N = 0 the local time asked for can
 * fall before the visit (10:00 for a 14:00 appointment): then it is the next calling time an hour after the
 * visit ends, and the answer says why. With `patient`, their call limits too (placeInCallingHours).
 */
export function placeAfterAppointment(
  asked: Date,
  appointmentEndsAt: Date,
  now: Date,
  rules: CallingRules,
  recipientZone: string,
  patient?: PatientLimits,
): PlacedTime {
  const earliest = notBeforeVisitEnds(asked, appointmentEndsAt);
  if (+earliest === +asked) return placeInCallingHours(asked, now, rules, recipientZone, patient);
  const placed = placeInCallingHours(earliest, now, rules, recipientZone, patient);
  // A visit long over: "the time had passed" already says it; a call limit that moves it further says why it is later still.
  if (placed.moved === "past" || placed.moved === "call_limit") return { ...placed, requested: asked };
  return {
    at: placed.at,
    requested: asked,
    moved: "after_appointment",
    message: `The appointment ends ${clinicWhen(appointmentEndsAt, rules.timezone)}, so the call is set for after it: ${clinicWhen(placed.at, rules.timezone)}.`,
  };
}
