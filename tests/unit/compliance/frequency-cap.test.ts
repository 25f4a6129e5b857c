import { describe, expect, it } from "vitest";
import { capBlock, capPolicyFor, capRoom, nextAllowedTime } from "@/lib/compliance/frequency-cap";
import { recipientLegalWindow, stateRuleFor } from "@/lib/compliance/state-calling-rules";

const t = (iso: string) => Date.parse(iso);
const SETTINGS = { maxCallsPerDay: 1, maxCallsPerWeek: 3, overCapAction: "DEFER" as const };

describe("frequency caps", () => {
  it("counts days in the patient's zone: 23:30 and 00:30 their time are two days, 00:30 and 23:30 one", () => {
    const policy = capPolicyFor(SETTINGS, "America/Los_Angeles", "+61255500001");
    // 23:30 on 7 Dec in Los Angeles is 07:30 UTC on 8 Dec.
    expect(capBlock(t("2026-12-08T08:30:00Z"), [t("2026-12-08T07:30:00Z")], policy)).toBeNull();
    const block = capBlock(t("2026-12-09T07:30:00Z"), [t("2026-12-08T08:30:00Z")], policy);
    expect(block).toMatchObject({ liftsAt: t("2026-12-09T08:00:00Z") }); // midnight in Los Angeles
  });

  it("a week is any 7 of the patient's days, and calls already planned after the day count too", () => {
    const policy = capPolicyFor(SETTINGS, "UTC", null);
    const calls = [t("2026-12-01T10:00:00Z"), t("2026-12-03T10:00:00Z"), t("2026-12-09T10:00:00Z")];
    // 5 Dec: 1, 3 and 9 Dec all lie in some 7 days with it (1–7 holds two, 3–9 holds two): allowed.
    expect(capBlock(t("2026-12-05T10:00:00Z"), calls, policy)).toBeNull();
    const more = [...calls, t("2026-12-06T10:00:00Z")];
    expect(capBlock(t("2026-12-05T10:00:00Z"), more, policy)?.reason).toMatch(/3 times within 7 days/);
    expect(capBlock(t("2026-12-08T10:00:00Z"), [t("2026-12-01T10:00:00Z"), t("2026-12-02T10:00:00Z"), t("2026-12-03T10:00:00Z")], policy)).toBeNull();
  });

  it("the next allowed time is inside the windows and past every cap", () => {
    const policy = capPolicyFor(SETTINGS, "Australia/Sydney", null);
    const legal = recipientLegalWindow("Australia/Sydney", null);
    // Called at 09:00 on 8 Dec (Sydney); asked again at 10:00 the same day: 08:00 on 9 Dec.
    const next = nextAllowedTime(t("2026-12-07T23:00:00Z"), [legal], [t("2026-12-07T22:00:00Z")], policy);
    expect(next).toMatchObject({ at: t("2026-12-08T21:00:00Z"), capped: { reason: expect.stringContaining("that day") } });
    expect(nextAllowedTime(t("2026-12-07T23:00:00Z"), [legal], [], policy)).toEqual({ at: t("2026-12-07T23:00:00Z"), capped: null });
  });

  it("Florida and Oklahoma by area code: 08:00–20:00 and 3 in any 24 hours", () => {
    expect(stateRuleFor("+13055550100")?.state).toBe("Florida");
    expect(stateRuleFor("+19185550100")?.state).toBe("Oklahoma");
    expect(stateRuleFor("+12125550100")).toBeNull();
    expect(stateRuleFor("+61305550100")).toBeNull(); // 305 after +61 is not Florida
    expect(recipientLegalWindow("America/New_York", "+13055550100")).toMatchObject({ startMinute: 480, endMinute: 1200 });
    expect(recipientLegalWindow("America/New_York", "+12125550100")).toMatchObject({ startMinute: 480, endMinute: 1260 });

    const policy = capPolicyFor({ ...SETTINGS, maxCallsPerDay: 10, maxCallsPerWeek: 50 }, "America/New_York", "+13055550100");
    expect(policy.per24Hours).toBe(3);
    const calls = [t("2026-12-08T20:00:00Z"), t("2026-12-09T14:00:00Z"), t("2026-12-09T16:00:00Z")];
    expect(capBlock(t("2026-12-09T18:00:00Z"), calls, policy)).toMatchObject({ liftsAt: t("2026-12-09T20:00:00Z") });
    expect(capBlock(t("2026-12-09T20:00:00Z"), calls, policy)).toBeNull();
    // A call planned later counts as well: 3 within the 24 hours that start at 14:00.
    expect(capBlock(t("2026-12-09T20:00:00Z"), [...calls, t("2026-12-10T10:00:00Z")], policy)).not.toBeNull();
  });

  it("the room is how many more calls at the same instant the caps still take besides one: what capBlock says, call by call", () => {
    const settings = { maxCallsPerDay: 4, maxCallsPerWeek: 6, overCapAction: "DEFER" as const };
    const at = t("2026-12-09T20:00:00Z");
    // Calls over the week before and after, in a Florida patient's zone (at most 3 in any 24 hours).
    const spread = [-200, -150, -30, -20, -5, 2, 30, 170].map((hours) => at + hours * 3_600_000);
    for (const e164 of ["+13055550142", "+12125550142"]) {
      const policy = capPolicyFor(settings, "America/New_York", e164);
      for (let n = 0; n <= spread.length; n++) {
        const calls = spread.slice(0, n);
        let fits = -1;
        while (fits < 10 && capBlock(at, [...calls, ...Array<number>(fits + 1).fill(at)], policy) === null) fits++;
        expect(capRoom(at, calls, policy), `${e164}, ${n} calls`).toBe(fits);
      }
    }
    expect(capRoom(at, [], capPolicyFor(settings, "UTC", null))).toBe(3);
  });
});
