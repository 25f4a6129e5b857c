import { legalWindow, nextOpening } from "@/lib/scheduling/calling-window";
import { clinicWindow, type CallingRules } from "@/lib/scheduling/plan-batch";

/**
 * The first instant ≥ `at` when this recipient may be called: inside the clinic's calling hours and
 * 08:00–21:00 of the recipient's own clock. Null when the two never overlap.
 */
export function nextCallingTime(at: Date | number, rules: CallingRules, recipientZone: string): number | null {
  return nextOpening(at, [clinicWindow(rules), legalWindow(recipientZone)]);
}
