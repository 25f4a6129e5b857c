import { nextOpening } from "@/lib/scheduling/calling-window";
import { clinicWindow, type CallingRules } from "@/lib/scheduling/plan-batch";
import { recipientLegalWindow } from "@/lib/compliance/state-calling-rules";

/**
 * The first instant ≥ `at` when this recipient may be called: inside the clinic's calling hours and
 * 08:00–21:00 of the recipient's own clock (08:00–20:00 for a Florida or Oklahoma number, when
 * `toNumber` is given). Null when the two never overlap.
 */
export function nextCallingTime(at: Date | number, rules: CallingRules, recipientZone: string, toNumber?: string | null): number | null {
  return nextOpening(at, [clinicWindow(rules), recipientLegalWindow(recipientZone, toNumber)]);
}
