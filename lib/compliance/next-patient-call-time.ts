import { capPolicyFor, nextAllowedTime, type AllowedTime, type CapSettings } from "@/lib/compliance/frequency-cap";
import { recipientLegalWindow } from "@/lib/compliance/state-calling-rules";
import { clinicWindow, type CallingRules } from "@/lib/scheduling/plan-batch";

/** What one call to a patient must also respect besides calling hours: their state's rules and their call limits. */
export interface PatientLimits {
  /** E.164: a Florida or Oklahoma area code narrows the hours and adds a 24-hour limit. */
  toNumber: string;
  /** When the patient was dialed (epoch ms), counted as the dispatcher counts them right before a dial. */
  calls: readonly number[];
  caps: CapSettings;
}

/**
 * The first instant ≥ `from` at which the dispatcher will dial this patient: inside the clinic's calling
 * hours, the patient's legal hours (their state's too) and their call limits. `capped` says which limit
 * moved it; null `at` when no such time comes within two weeks. Pure.
 */
export function nextPatientCallTime(from: number, rules: CallingRules, recipientZone: string, patient: PatientLimits): AllowedTime {
  const windows = [clinicWindow(rules), recipientLegalWindow(recipientZone, patient.toNumber)];
  return nextAllowedTime(from, windows, patient.calls, capPolicyFor(patient.caps, recipientZone, patient.toNumber));
}
