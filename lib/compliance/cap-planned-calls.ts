import { clinicWindow, type CallingRules, type PlannedCall, type SkippedContact } from "@/lib/scheduling/plan-batch";
import { capPolicyFor, nextAllowedTime, type CapSettings } from "@/lib/compliance/frequency-cap";
import { nextOpening, type WeeklyWindow } from "@/lib/scheduling/calling-window";
import { recipientLegalWindow } from "@/lib/compliance/state-calling-rules";

/**
 * A batch's planned calls held to each patient's frequency caps, given when each was called (and is
 * already due to be called) by anything else. A call over its cap moves to the patient's next allowed
 * time inside the calling hours (DEFER), or is skipped with the reason (SKIP), as the clinic chose. A
 * moved call keeps clear of the batch's other start times. Pure.
 *
 * Moved calls pile up on the same instants (every patient called today lands on tomorrow's opening), so
 * the way past taken and closed instants is remembered (path compression, firstFreeOpen): stepping one
 * stagger at a time made the k-th moved call walk past k − 1 taken instants, and a batch of 9,600
 * patients all over their cap took 29 s even with each day's steps remembered.
 */
export function capPlannedCalls(
  planned: readonly PlannedCall[],
  rules: CallingRules & CapSettings,
  callTimes: ReadonlyMap<string, readonly number[]>,
  options: { staggerMs: number },
): { planned: PlannedCall[]; skipped: SkippedContact[]; /** Calls moved by a cap (skipped ones are in `skipped`). */ cappedCount: number } {
  const used = new Set(planned.map((call) => +call.scheduledTime));
  const linksByWindows = new Map<string, Map<number, number>>();
  /** The links of one set of windows (the clinic's hours and one zone's legal hours). */
  const linksFor = (windows: readonly WeeklyWindow[]): Map<number, number> => {
    const key = JSON.stringify(windows);
    let links = linksByWindows.get(key);
    if (!links) linksByWindows.set(key, (links = new Map()));
    return links;
  };
  /**
   * The first instant from `from` on that no call has taken and that is inside `windows`: from a taken
   * instant the next stagger step, from a closed one the next opening. Every instant passed on the way
   * is linked to the answer (per set of windows: another zone's hours close at other times), so the next
   * search from any of them jumps there at once.
   */
  const firstFreeOpen = (from: number, windows: readonly WeeklyWindow[], links: Map<number, number>): number | null => {
    const path: number[] = [];
    let at: number | null = from;
    while (at !== null) {
      const linked = links.get(at);
      if (linked !== undefined && linked !== at) {
        path.push(at);
        at = linked;
      } else if (used.has(at)) {
        path.push(at);
        at += options.staggerMs;
      } else {
        const open = nextOpening(at, windows);
        if (open === at) break;
        path.push(at);
        at = open;
      }
    }
    if (at !== null) for (const passed of path) links.set(passed, at);
    return at;
  };
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
    const links = linksFor(windows);
    while (allowed.at !== null && used.has(allowed.at)) {
      const free = firstFreeOpen(allowed.at, windows, links);
      allowed = free === null ? { at: null, reason: "No free time inside the calling hours" } : nextAllowedTime(free, windows, calls, policy);
    }
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
