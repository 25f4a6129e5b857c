import { describe, expect, it } from "vitest";
import { planSequence } from "@/lib/scheduling/plan-sequence";
import { sequenceSummary } from "@/components/scheduling/sequence-summary";
import { planContact, SYDNEY_RULES, wallClock } from "../../factories/scheduling";

const SYDNEY = "Australia/Sydney";

describe("planSequence: one at a time, in the order given", () => {
  it("keeps the order given (not the names'), only the first is due, the others wait", () => {
    const [zed, amy, bob] = [planContact({ name: "Zed" }), planContact({ name: "Amy" }), planContact({ name: "Bob" })];
    const { planned, skipped } = planSequence([zed!, amy!, bob!], SYDNEY_RULES, { start: new Date("2026-12-02T14:00:00+11:00") });
    expect(planned.map((step) => [step.name, step.sequenceIndex, step.waiting])).toEqual([
      ["Zed", 1, false],
      ["Amy", 2, true],
      ["Bob", 3, true],
    ]);
    expect(wallClock(planned[0]!.scheduledTime, SYDNEY)).toBe("Wed 2026-12-02 14:00");
    expect(planned[0]!.requestedTime).toBeNull();
    expect(skipped).toEqual([]);
  });

  it("moves the first call into calling hours and says so; skips do-not-call and recipients who can never be called, numbering the rest without gaps", () => {
    const dnc = planContact({ name: "Dee", doNotCall: true, doNotCallReason: "asked" });
    const never = planContact({ name: "Night owl", timezone: "Europe/London" });
    const ok = planContact({ name: "Ann" });
    // 09:00–10:00 in Sydney is 22:00–23:00 in London: never inside a Londoner's 08:00–21:00.
    const rules = { ...SYDNEY_RULES, callingWindowStart: 9 * 60, callingWindowEnd: 10 * 60 };
    const { planned, skipped } = planSequence([dnc, never, ok, planContact({ name: "Ben" })], rules, { start: new Date("2026-12-02T18:00:00+11:00") });
    expect(planned.map((step) => [step.name, step.sequenceIndex])).toEqual([
      ["Ann", 1],
      ["Ben", 2],
    ]);
    expect(wallClock(planned[0]!.scheduledTime, SYDNEY)).toBe("Thu 2026-12-03 09:00");
    expect(planned[0]!.requestedTime).toEqual(new Date("2026-12-02T18:00:00+11:00"));
    expect(skipped.map((s) => [s.name, s.reason])).toEqual([
      ["Dee", "On the do-not-call list (asked)"],
      ["Night owl", "The clinic’s calling hours never overlap 08:00–21:00 of the recipient’s local time"],
    ]);
  });
});

describe("sequenceSummary: where a sequence is, in words", () => {
  const zone = { timeZone: SYDNEY, locale: "en-AU" };
  it("says which call it is on, and why it stopped", () => {
    expect(sequenceSummary({ status: "RUNNING", position: 3, bookedBy: null }, 12, zone)).toEqual({ headline: "Calling 3 of 12", stopped: false });
    expect(sequenceSummary({ status: "FILLED", position: 3, bookedBy: { name: "Jane Doe", step: 3 } }, 12, zone).headline).toBe(
      "Stopped at 3 of 12: Jane Doe booked — the rest were not called",
    );
    expect(sequenceSummary({ status: "EXHAUSTED", position: 12, bookedBy: null }, 12, zone).headline).toBe("Nobody booked: all 12 tried");
    expect(sequenceSummary({ status: "CANCELLED", position: 4, bookedBy: null }, 12, zone).headline).toBe("Stopped by staff at 4 of 12");
  });

  it("says it waits for a call back, to whom and when on the clinic's clock, rather than that it is calling", () => {
    const waitingFor = { name: "Jane Doe", at: new Date("2026-12-08T15:05:00+11:00"), ringing: false };
    expect(sequenceSummary({ status: "RUNNING", position: 2, bookedBy: null, waitingFor }, 3, zone)).toEqual({
      headline: "Waiting for a call back to Jane Doe at Tue 8 Dec, 3:05 PM (2 of 3)",
      stopped: false,
    });
    expect(sequenceSummary({ status: "RUNNING", position: 2, bookedBy: null, waitingFor: { ...waitingFor, ringing: true } }, 3, zone).headline).toBe(
      "Calling Jane Doe back now (2 of 3)",
    );
  });
});
