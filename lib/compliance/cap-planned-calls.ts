import { clinicWindow, type CallingRules, type PlannedCall, type SkippedContact } from "@/lib/scheduling/plan-batch";
import { capPolicyFor, nextAllowedTime, type CapSettings } from "@/lib/compliance/frequency-cap";
import { recipientLegalWindow } from "@/lib/compliance/state-calling-rules";

/**
 * A batch's planned calls held to each patient's frequency caps, given when each was called (and is
 * already due to be called) by anything else. A call over its cap moves to the patient's next allowed
 * time inside the calling hours (DEFER), or is skipped with the reason (SKIP), as the clinic chose. A
 * moved call keeps clear of the batch's other start times. Pure.
 */
export function capPlannedCalls(
  planned: readonly PlannedCall[],
  rules: CallingRules & CapSettings,
  callTimes: ReadonlyMap<string, readonly number[]>,
  options: { staggerMs: number },
): { planned: PlannedCall[]; skipped: SkippedContact[]; /** Calls moved by a cap (skipped ones are in `skipped`). */ cappedCount: number } {
  const used = new Set(planned.map((call) => +call.scheduledTime));
  const kept: PlannedCall[] = [];
  const skipped: SkippedContact[] = [];
  let cappedCount = 0;
  const clinic = clinicWindow(rules);
  for (const call of planned) {
    const calls = callTimes.get(call.contactId) ?? [];
    if (calls.length === 0) {
      kept.push(call);
      continue;
    }
    const policy = capPolicyFor(rules, call.timeZone, call.phoneNumber);
    const windows = [clinic, recipientLegalWindow(call.timeZone, call.phoneNumber)];
    const at = +call.scheduledTime;
    let allowed = nextAllowedTime(at, windows, calls, policy);
    if (allowed.at === at) {
      kept.push(call);
      continue;
    }
    if (allowed.at === null || rules.overCapAction === "SKIP") {
      const why = allowed.at === null ? allowed.reason : (allowed.capped?.reason ?? "over the frequency cap");
      skipped.push({ contactId: call.contactId, name: call.name, reason: `Over the call limit: ${call.name} was ${why}` });
      continue;
    }
    used.delete(at);
    while (allowed.at !== null && used.has(allowed.at)) allowed = nextAllowedTime(allowed.at + options.staggerMs, windows, calls, policy);
    if (allowed.at === null) {
      skipped.push({ contactId: call.contactId, name: call.name, reason: `Over the call limit: ${allowed.reason}` });
      continue;
    }
    used.add(allowed.at);
    cappedCount += 1;
    kept.push({ ...call, scheduledTime: new Date(allowed.at), requestedTime: call.requestedTime ?? call.scheduledTime });
  }
  return { planned: kept, skipped, cappedCount };
}
