import { getDb } from "@/lib/db";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import { CAP_LOOKBACK_MS, loadPatientCallTimes } from "@/lib/compliance/patient-call-times";
import type { CapSettings } from "@/lib/compliance/frequency-cap";
import type { PatientLimits } from "@/lib/compliance/next-patient-call-time";
import type { RawQueryClient } from "@/lib/prisma/raw-query-client";

/** How far past its time a call's limits can push it (nextAllowedTime looks no further): pending calls that far on count. */
export const CAP_SEARCH_MS = 15 * 86_400_000;

/**
 * The patient's limits for one call due at `from` or later (a call back): their outbound calls in the caps'
 * lookback before it. Read when the call is scheduled so the time promised is the time the dispatcher will
 * dial — it checks the same caps again right before the dial. With `plannedUntil` (a check-in's series),
 * their pending scheduled calls due up to then count too, as a batch counts them — but not `excludeScheduledCallIds`, the
 * calls being placed again (a reschedule's own call). `db`: a transaction to read in (the appointment's, when its check-in follows it).
 */
export async function loadPatientLimits(
  organizationId: string,
  contact: { id: string; phoneNumber: string },
  rules: CapSettings & { defaultCountry: string },
  from: number,
  options: { plannedUntil?: Date; excludeScheduledCallIds?: readonly string[]; db?: RawQueryClient } = {},
): Promise<PatientLimits> {
  const phone = normalizePhone(contact.phoneNumber, rules.defaultCountry);
  const times = await loadPatientCallTimes(options.db ?? getDb(), organizationId, [contact.id], {
    since: new Date(from - CAP_LOOKBACK_MS),
    ...(options.plannedUntil ? { planned: { until: options.plannedUntil, excludeIds: options.excludeScheduledCallIds } } : {}),
  });
  return {
    toNumber: phone.ok ? phone.e164 : contact.phoneNumber,
    calls: times.get(contact.id) ?? [],
    caps: { maxCallsPerDay: rules.maxCallsPerDay, maxCallsPerWeek: rules.maxCallsPerWeek, overCapAction: rules.overCapAction },
  };
}
