import { describe, expect, it } from "vitest";
import { isOpen, legalWindow } from "@/lib/scheduling/calling-window";
import { clinicWindow, planBatch, type CallingRules, type PlanContact } from "@/lib/scheduling/plan-batch";
import { staggerSlots } from "@/lib/scheduling/stagger";
import { planContact, SYDNEY_RULES, wallClock } from "../../factories/scheduling";

const SYDNEY = "Australia/Sydney";
const at = (iso: string) => new Date(iso);
const sydneyClock = (d: Date | null) => (d ? wallClock(d, SYDNEY) : null);

function plan(contacts: PlanContact[], start: string, options: { rules?: Partial<CallingRules>; staggerMinutes?: number } = {}) {
  return planBatch(contacts, { ...SYDNEY_RULES, ...options.rules }, { start: at(start), staggerMinutes: options.staggerMinutes ?? 2 });
}
const times = (planned: ReturnType<typeof plan>["planned"]) => planned.map((call) => sydneyClock(call.scheduledTime));
const contacts = (count: number) => Array.from({ length: count }, () => planContact());

describe("planBatch: staggered inside the clinic's hours", () => {
  it("spaces 3 calls at 2:00 PM two minutes apart, none moved", () => {
    const { planned, skipped } = plan(contacts(3), "2026-12-02T14:00:00+11:00");
    expect(times(planned)).toEqual(["Wed 2026-12-02 14:00", "Wed 2026-12-02 14:02", "Wed 2026-12-02 14:04"]);
    expect(planned.map((call) => call.requestedTime)).toEqual([null, null, null]);
    expect(skipped).toEqual([]);
  });

  it("uses the spacing asked for, and keeps the seconds of the start", () => {
    const { planned } = plan(contacts(3), "2026-12-02T14:00:30+11:00", { staggerMinutes: 15 });
    expect(times(planned)).toEqual(["Wed 2026-12-02 14:00:30", "Wed 2026-12-02 14:15:30", "Wed 2026-12-02 14:30:30"]);
  });

  it("continues at the next opening when the window closes mid-batch, and counts the calls it moved", () => {
    const { planned } = plan(contacts(5), "2026-12-02T16:56:00+11:00");
    expect(times(planned)).toEqual(["Wed 2026-12-02 16:56", "Wed 2026-12-02 16:58", "Thu 2026-12-03 09:00", "Thu 2026-12-03 09:02", "Thu 2026-12-03 09:04"]);
    // Each moved call remembers the staggered time it would have had.
    expect(planned.map((call) => sydneyClock(call.requestedTime))).toEqual([
      null,
      null,
      "Wed 2026-12-02 17:00",
      "Wed 2026-12-02 17:02",
      "Wed 2026-12-02 17:04",
    ]);
    expect(planned.filter((call) => call.requestedTime !== null)).toHaveLength(3);
  });

  it("rolls a Friday-evening batch over to Monday morning", () => {
    const { planned } = plan(contacts(4), "2026-12-04T16:58:00+11:00");
    expect(times(planned)).toEqual(["Fri 2026-12-04 16:58", "Mon 2026-12-07 09:00", "Mon 2026-12-07 09:02", "Mon 2026-12-07 09:04"]);
  });

  it("moves a batch asked for on a Saturday night to Monday 09:00, every call counted as moved", () => {
    const { planned } = plan(contacts(2), "2026-12-05T22:00:00+11:00");
    expect(times(planned)).toEqual(["Mon 2026-12-07 09:00", "Mon 2026-12-07 09:02"]);
    expect(planned.map((call) => sydneyClock(call.requestedTime))).toEqual(["Sat 2026-12-05 22:00", "Sat 2026-12-05 22:02"]);
  });

  it("keeps 09:00 on the clock over the change to summer time (Friday 2 → Monday 5 October 2026)", () => {
    const { planned } = plan(contacts(2), "2026-10-02T16:58:00+10:00");
    expect(planned.map((call) => call.scheduledTime.toISOString())).toEqual(["2026-10-02T06:58:00.000Z", "2026-10-04T22:00:00.000Z"]);
    expect(times(planned)).toEqual(["Fri 2026-10-02 16:58", "Mon 2026-10-05 09:00"]);
  });

  it("skips everyone when the clinic has no calling days", () => {
    const { planned, skipped } = plan(contacts(2), "2026-12-02T14:00:00+11:00", { rules: { callingDays: [] } });
    expect(planned).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual(["The clinic has no calling hours set", "The clinic has no calling hours set"]);
  });
});

describe("planBatch: recipients in other zones", () => {
  it("moves a Los Angeles number alone to its legal hours, without pushing the others", () => {
    // Sydney 16:00 is 21:00 in Los Angeles: the legal window there has just closed.
    const [a, la, c, d] = [
      planContact({ name: "A" }),
      planContact({ name: "LA", phoneNumber: "+14155552671" }),
      planContact({ name: "C" }),
      planContact({ name: "D" }),
    ];
    const { planned } = plan([a!, la!, c!, d!], "2026-12-02T16:00:00+11:00");
    expect(planned.map((call) => [call.name, sydneyClock(call.scheduledTime)])).toEqual([
      ["A", "Wed 2026-12-02 16:00"],
      ["LA", "Thu 2026-12-03 09:00"],
      ["C", "Wed 2026-12-02 16:02"],
      ["D", "Wed 2026-12-02 16:04"],
    ]);
    const moved = planned.find((call) => call.name === "LA")!;
    expect(moved).toMatchObject({ timeZone: "America/Los_Angeles", timeZoneSource: "number", phoneNumber: "+14155552671" });
    expect(wallClock(moved.scheduledTime, "America/Los_Angeles")).toBe("Wed 2026-12-02 14:00");
    expect(sydneyClock(moved.requestedTime)).toBe("Wed 2026-12-02 16:02");
    expect(planned.filter((call) => call.requestedTime !== null).map((call) => call.name)).toEqual(["LA"]);
  });

  it("gives every moved recipient its own start time, and skips the slots they already took", () => {
    // LA moves to Thursday 09:00; the clinic's own batch reaches Thursday morning too.
    const seeds = [
      planContact({ name: "A" }),
      planContact({ name: "LA 1", phoneNumber: "+14155552671" }),
      planContact({ name: "LA 2", phoneNumber: "+14155552672" }),
      planContact({ name: "B" }),
      planContact({ name: "C" }),
      planContact({ name: "D" }),
    ];
    const { planned } = plan(seeds, "2026-12-02T16:56:00+11:00");
    expect(planned.map((call) => [call.name, sydneyClock(call.scheduledTime)])).toEqual([
      ["A", "Wed 2026-12-02 16:56"],
      ["LA 1", "Thu 2026-12-03 09:00"],
      ["LA 2", "Thu 2026-12-03 09:02"],
      ["B", "Wed 2026-12-02 16:58"],
      ["C", "Thu 2026-12-03 09:04"],
      ["D", "Thu 2026-12-03 09:06"],
    ]);
    expect(new Set(planned.map((call) => +call.scheduledTime)).size).toBe(planned.length);
  });

  it("follows a zone set on the contact over the one its number gives", () => {
    // A Sydney number whose owner lives in New York: Sydney 14:00 is 22:00 there, too late.
    const { planned } = plan([planContact({ name: "Away", timezone: "America/New_York" }), planContact({ name: "Home" })], "2026-12-02T14:00:00+11:00");
    expect(planned.map((call) => [call.name, sydneyClock(call.scheduledTime), call.timeZone, call.timeZoneSource])).toEqual([
      ["Away", "Thu 2026-12-03 09:00", "America/New_York", "contact"],
      ["Home", "Wed 2026-12-02 14:00", "Australia/Sydney", "number"],
    ]);
  });

  it("skips a London recipient whose legal hours never meet the clinic's, with the reason", () => {
    const london = planContact({ name: "London", timezone: "Europe/London" });
    const { planned, skipped } = plan([london, planContact({ name: "Local" })], "2026-12-02T14:00:00+11:00");
    expect(planned.map((call) => [call.name, sydneyClock(call.scheduledTime)])).toEqual([["Local", "Wed 2026-12-02 14:00"]]);
    expect(skipped).toEqual([
      { contactId: london.id, name: "London", reason: expect.stringMatching(/never overlap 08:00–21:00 of the recipient’s local time/) },
    ]);
  });

  it("reaches London at its 08:00 when the clinic calls until 20:00", () => {
    const { planned } = plan([planContact({ name: "London", timezone: "Europe/London" }), planContact({ name: "Local" })], "2026-12-02T14:00:00+11:00", {
      rules: { callingWindowEnd: 20 * 60 },
    });
    expect(planned.map((call) => [call.name, sydneyClock(call.scheduledTime), wallClock(call.scheduledTime, "Europe/London")])).toEqual([
      ["London", "Wed 2026-12-02 19:00", "Wed 2026-12-02 08:00"],
      ["Local", "Wed 2026-12-02 14:00", "Wed 2026-12-02 03:00"],
    ]);
  });
});

describe("planBatch: who is skipped", () => {
  it("skips do-not-call contacts and numbers that cannot be dialed, with the reason, and keeps everyone else in order", () => {
    const [first, dnc, quiet, bad, letters, last] = [
      planContact({ name: "First" }),
      planContact({ name: "Opted Out", doNotCall: true, doNotCallReason: "Asked on 3 Nov" }),
      planContact({ name: "Quiet", doNotCall: true }),
      planContact({ name: "Short", phoneNumber: "+6112" }),
      planContact({ name: "Letters", phoneNumber: "call me" }),
      planContact({ name: "Last" }),
    ];
    const { planned, skipped } = plan([first!, dnc!, quiet!, bad!, letters!, last!], "2026-12-02T14:00:00+11:00");
    expect(planned.map((call) => [call.name, sydneyClock(call.scheduledTime)])).toEqual([
      ["First", "Wed 2026-12-02 14:00"],
      ["Last", "Wed 2026-12-02 14:02"],
    ]);
    expect(skipped).toEqual([
      { contactId: dnc!.id, name: "Opted Out", reason: "On the do-not-call list (Asked on 3 Nov)" },
      { contactId: quiet!.id, name: "Quiet", reason: "On the do-not-call list" },
      { contactId: bad!.id, name: "Short", reason: expect.stringMatching(/^No valid phone number: "\+6112" is not a valid phone number/) },
      { contactId: letters!.id, name: "Letters", reason: expect.stringMatching(/^No valid phone number: .*contains letters/) },
    ]);
  });

  it("dials the number in E.164 even when it was stored as typed", () => {
    const { planned } = plan([planContact({ phoneNumber: "(02) 5550 1234" })], "2026-12-02T14:00:00+11:00");
    expect(planned[0]!.phoneNumber).toBe("+61255501234");
  });

  it("gives the same plan for the same input", () => {
    const input = [planContact(), planContact({ phoneNumber: "+14155552671" }), planContact({ doNotCall: true }), planContact()];
    expect(plan(input, "2026-12-02T16:30:00+11:00")).toEqual(plan(input, "2026-12-02T16:30:00+11:00"));
  });
});

describe("staggerSlots: invariants over mixed batches", () => {
  const zones = ["Australia/Sydney", "Australia/Perth", "America/Los_Angeles", "America/New_York", "Asia/Tokyo", "Pacific/Auckland"];

  it("puts every call inside both windows, never two at once, never before the start, home calls in order", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const clinic = clinicWindow(SYDNEY_RULES);
    for (let round = 0; round < 20; round++) {
      const start = Date.parse("2026-09-28T00:00:00Z") + Math.floor(random() * 90 * 24 * 60) * 60_000;
      const requests = Array.from({ length: 150 }, () => ({
        legal: legalWindow(random() < 0.7 ? "Australia/Sydney" : zones[Math.floor(random() * zones.length)]!),
      }));
      const staggerMs = (1 + Math.floor(random() * 5)) * 60_000;
      const slots = staggerSlots(requests, { start, staggerMs, clinic });

      const starts = new Set<number>();
      let previousHome = -Infinity;
      slots.forEach((slot, index) => {
        if (!slot.ok) return;
        expect(isOpen(slot.at, clinic)).toBe(true);
        expect(isOpen(slot.at, requests[index]!.legal)).toBe(true);
        expect(slot.at).toBeGreaterThanOrEqual(start);
        expect(slot.moved).toBe(slot.at !== slot.asked);
        expect(starts.has(slot.at)).toBe(false);
        starts.add(slot.at);
        if (requests[index]!.legal.timeZone === "Australia/Sydney") {
          expect(slot.at).toBeGreaterThan(previousHome);
          previousHome = slot.at;
        }
      });
      // Every zone here overlaps the clinic's hours somewhere in the week: nobody is skipped.
      expect(slots.every((slot) => slot.ok)).toBe(true);
    }
  });

  it("plans thousands of recipients who all move to the same opening, in well under the batch transaction's 30 s", () => {
    // 09:00 in New York is 06:00 in Los Angeles: every call moves to 11:00 New York, and each
    // needs its own start time after the others'. (Each used to walk past all the earlier ones:
    // 3,000 took ~25 s, 10,000 several minutes.)
    const clinic = { timeZone: "America/New_York", days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 };
    const slots = staggerSlots(
      Array.from({ length: 3_000 }, () => ({ legal: legalWindow("America/Los_Angeles") })),
      { start: Date.parse("2026-12-02T09:00:00-05:00"), staggerMs: 120_000, clinic },
    );
    const ats = slots.map((slot) => (slot.ok ? slot.at : NaN));
    expect(new Set(ats).size).toBe(3_000);
    expect(wallClock(ats[0]!, "America/New_York")).toBe("Wed 2026-12-02 11:00");
    expect(wallClock(ats[1]!, "America/New_York")).toBe("Wed 2026-12-02 11:02");
    // 11:00–17:00 holds 180 calls a day.
    expect(wallClock(ats[179]!, "America/New_York")).toBe("Wed 2026-12-02 16:58");
    expect(wallClock(ats[180]!, "America/New_York")).toBe("Thu 2026-12-03 11:00");
    expect(slots.every((slot) => slot.ok && slot.moved)).toBe(true);
  }, 10_000);

  it("schedules ten thousand home calls on consecutive slots of calling days", () => {
    const slots = staggerSlots(
      Array.from({ length: 10_000 }, () => ({ legal: legalWindow("Australia/Sydney") })),
      { start: Date.parse("2026-12-02T09:00:00+11:00"), staggerMs: 120_000, clinic: clinicWindow(SYDNEY_RULES) },
    );
    const ats = slots.map((slot) => (slot.ok ? slot.at : NaN));
    // 240 calls fit in a day of 09:00–17:00 at 2 minutes: the 241st is the next calling day's 09:00.
    expect(wallClock(ats[239]!, SYDNEY)).toBe("Wed 2026-12-02 16:58");
    expect(wallClock(ats[240]!, SYDNEY)).toBe("Thu 2026-12-03 09:00");
    expect(wallClock(ats[719]!, SYDNEY)).toBe("Fri 2026-12-04 16:58");
    expect(wallClock(ats[720]!, SYDNEY)).toBe("Mon 2026-12-07 09:00");
    // 10,000 = 41 full days and 160 calls: the last on the 42nd calling day, at 09:00 + 159 × 2 minutes.
    expect(wallClock(ats[9_999]!, SYDNEY)).toBe("Thu 2027-01-28 14:18");
  });
});
