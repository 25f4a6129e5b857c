import { nextCallingTime } from "@/lib/scheduling/next-calling-time";
import { screenContacts, type CallingRules, type PlanContact, type PlannedCall, type SkippedContact } from "@/lib/scheduling/plan-batch";

/** A step of a sequence: its place, and whether it is due now (the first) or waits for the one before. */
export interface PlannedStep extends PlannedCall {
  sequenceIndex: number;
  waiting: boolean;
}

/**
 * A "one at a time until someone books" batch: the contacts in the order given (the selection's),
 * do-not-call, no-consent and undialable ones skipped with the reason, and so are recipients whose
 * legal hours never meet the clinic's. Only the first step gets a time (the first moment from `start`
 * calling hours allow it); the others wait, each with the earliest time it could be called as a placeholder —
 * the real time is set when the step before it ends without a booking. Pure.
 */
export function planSequence(
  contacts: readonly PlanContact[],
  rules: CallingRules,
  options: { start: Date },
): { planned: PlannedStep[]; skipped: SkippedContact[] } {
  const { callable, skipped } = screenContacts(contacts, rules);
  const planned: PlannedStep[] = [];
  for (const { contact, e164, zone } of callable) {
    const at = nextCallingTime(options.start, rules, zone.zone);
    if (at === null) {
      skipped.push({ contactId: contact.id, name: contact.name, reason: "The clinic’s calling hours never overlap 08:00–21:00 of the recipient’s local time" });
      continue;
    }
    const first = planned.length === 0;
    planned.push({
      contactId: contact.id,
      name: contact.name,
      phoneNumber: e164,
      scheduledTime: new Date(at),
      requestedTime: first && at !== +options.start ? options.start : null,
      timeZone: zone.zone,
      timeZoneSource: zone.source,
      sequenceIndex: planned.length + 1,
      waiting: !first,
    });
  }
  return { planned, skipped };
}
