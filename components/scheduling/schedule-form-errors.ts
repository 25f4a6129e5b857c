import { STAGGER_MINUTES_MAX, STAGGER_MINUTES_MIN } from "@/lib/scheduling/stagger-limits";
import { parseDigits } from "@/lib/text/digits";

/** The schedule dialog's own checks, by field; a field that is fine has no entry. */
export interface ScheduleFormErrors {
  scheduledTime?: string;
  staggerMinutes?: string;
}

const SPACING_RANGE = `${STAGGER_MINUTES_MIN} to ${STAGGER_MINUTES_MAX} minutes`;

/**
 * Each field's message names that field, so nobody is told to pick a date when the spacing is wrong.
 * `timePicked`: the date and time inputs read as an instant; a sequence has no spacing. The spacing is whole minutes
 * in digits: "1e1", "0x10", " 5 " or "5.0" are refused here rather than sent as 10, 16 or 5.
 */
export function scheduleFormErrors(form: { timePicked: boolean; stagger: string; sequence: boolean }): ScheduleFormErrors {
  const errors: ScheduleFormErrors = {};
  if (!form.timePicked) errors.scheduledTime = "Pick a date and a time";
  if (!form.sequence) {
    const n = parseDigits(form.stagger);
    if (n === null) errors.staggerMinutes = `Enter the minutes between calls as a whole number in digits, ${SPACING_RANGE}`;
    else if (n < STAGGER_MINUTES_MIN || n > STAGGER_MINUTES_MAX) errors.staggerMinutes = `Space calls ${SPACING_RANGE} apart`;
  }
  return errors;
}

/** What the preview says while the form cannot be planned: what to fix, in the order of the fields. */
export function previewHint(errors: ScheduleFormErrors): string {
  const steps = [
    ...(errors.scheduledTime ? ["pick a date and time"] : []),
    ...(errors.staggerMinutes ? [`set the minutes between calls (${SPACING_RANGE})`] : []),
  ];
  const todo = steps.length > 0 ? steps.join(" and ") : "pick a date and time";
  return `${todo[0]!.toUpperCase()}${todo.slice(1)} to see when the calls go out.`;
}
