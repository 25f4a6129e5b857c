import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { capPlannedCalls } from "@/lib/compliance/cap-planned-calls";
import type { PlannedCall } from "@/lib/scheduling/plan-batch";

const ZONE = "Australia/Sydney";
const RULES = {
  timezone: ZONE,
  defaultCountry: "AU",
  callingDays: [1, 2, 3, 4, 5, 6, 7],
  callingWindowStart: 9 * 60,
  callingWindowEnd: 17 * 60,
  maxCallsPerDay: 1,
  maxCallsPerWeek: 3,
  overCapAction: "DEFER" as const,
};
const STAGGER_MS = 2 * 60_000;
const PER_DAY = 240; // 09:00–17:00, one call every 2 minutes

/** `size` calls staggered from Tuesday 8 December 2026 09:00 in Sydney, 240 a day, as planBatch lays them out. */
function batch(size: number): PlannedCall[] {
  return Array.from({ length: size }, (_, i) => ({
    contactId: `c${i}`,
    name: `Patient ${i}`,
    phoneNumber: `+6125550${String(i).padStart(4, "0")}`,
    scheduledTime: slot(i),
    requestedTime: null,
    timeZone: ZONE,
    timeZoneSource: "contact" as const,
  }));
}
const slot = (i: number) => new Date(+TZDate.tz(ZONE, 2026, 11, 8 + Math.floor(i / PER_DAY), 9, 0) + (i % PER_DAY) * STAGGER_MS);

const localClock = (at: number) => {
  const local = new TZDate(at, ZONE);
  return { day: local.getDate(), minute: local.getHours() * 60 + local.getMinutes() };
};

describe("a batch held to the patients' caps", () => {
  // Finishes in well under a second; the generous timeout is for loaded CI machines (how fast it is: npm run bench -- scheduling).
  it("patients called today move past every taken instant to free staggered ones inside the hours; the rest keep theirs", { timeout: 60_000 }, () => {
    // 3,000 calls over 13 days; every even patient of the first day was called this morning (08:30).
    const planned = batch(3_000);
    const calledToday = +TZDate.tz(ZONE, 2026, 11, 8, 8, 30);
    const callTimes = new Map(planned.filter((_, i) => i < PER_DAY && i % 2 === 0).map((call) => [call.contactId, [calledToday]]));

    const { planned: kept, skipped, cappedCount } = capPlannedCalls(planned, RULES, callTimes, { staggerMs: STAGGER_MS });

    expect(skipped).toEqual([]);
    expect(kept).toHaveLength(3_000);
    expect(cappedCount).toBe(PER_DAY / 2);
    expect(new Set(kept.map((call) => +call.scheduledTime)).size).toBe(3_000);
    const moved = kept.filter((call) => call.requestedTime !== null);
    expect(moved.map((call) => call.contactId)).toEqual(planned.filter((_, i) => i < PER_DAY && i % 2 === 0).map((call) => call.contactId));
    for (const call of kept) {
      const { minute } = localClock(+call.scheduledTime);
      expect(minute).toBeGreaterThanOrEqual(9 * 60);
      expect(minute).toBeLessThan(17 * 60);
      if (call.requestedTime === null) expect(call.scheduledTime).toEqual(slot(Number(call.contactId.slice(1))));
    }
    // Every later instant is the batch's own: the moved calls follow its last one (index 2,999), in order.
    expect(moved.map((call) => +call.scheduledTime)).toEqual(moved.map((_, k) => +slot(3_000 + k)));
  });
});
