import { refuseUncallable } from "@/lib/callbacks/refuse-uncallable";
import { findCallbackPatient } from "@/lib/callbacks/resolve-callback-target";
import type { CallbackTarget } from "@/lib/callbacks/schemas";
import { loadPatientLimits } from "@/lib/compliance/load-patient-limits";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { placeInCallingHours } from "@/lib/scheduling/place-in-calling-hours";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";

/** The "Call back" dialog suggests a time no sooner than this. */
export const DEFAULT_CALLBACK_LEAD_MS = 60 * 60_000;
const QUARTER_HOUR_MS = 15 * 60_000;
/** Call limits that end between quarter hours, one after another: a few steps reach a quarter hour that holds. */
const MAX_STEPS = 8;

// Every zone in use is offset from UTC by whole quarter hours, so a quarter hour of UTC is one on every clock.
const quarterHourFrom = (at: number) => Math.ceil(at / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;

/**
 * What the "Call back" dialog offers: the first quarter hour at least an hour from now that `createCallback`
 * keeps as asked. Placed by the same rule it uses (the clinic's calling hours, the patient's legal hours on
 * their clock, their call limits), so the form shows the time that will be used. Refuses (409) a patient
 * staff may not call back, as saving would.
 */
export async function defaultCallbackTime(organizationId: string, target: CallbackTarget, now = new Date()): Promise<Date> {
  // Only the patient: the conversation a call back picks up from is read when it is saved.
  const { contact } = await findCallbackPatient(organizationId, target);
  await refuseUncallable(organizationId, contact);
  const rules = await loadCallingRules(organizationId);
  const zone = recipientTimeZone(contact, rules.timezone).zone;
  let asked = quarterHourFrom(+now + DEFAULT_CALLBACK_LEAD_MS);
  const limits = await loadPatientLimits(organizationId, contact, rules, asked);
  const keeps = (at: number) => placeInCallingHours(new Date(at), now, rules, zone, limits).moved === null;
  for (let step = 0; step < MAX_STEPS; step++) {
    const placed = placeInCallingHours(new Date(asked), now, rules, zone, limits);
    if (placed.moved === null) return placed.at;
    const opening = +placed.at;
    // Moved to an opening between quarter hours (a call limit running out at 10:07:30): the next quarter hour,
    // or when that is closed again (hours of 09:05–09:10), the opening itself to the minute — never a later day.
    const quarter = quarterHourFrom(opening);
    if (keeps(quarter)) return new Date(quarter);
    const minute = Math.ceil(opening / 60_000) * 60_000;
    if (keeps(minute)) return new Date(minute);
    asked = quarter;
  }
  return placeInCallingHours(new Date(asked), now, rules, zone, limits).at;
}
