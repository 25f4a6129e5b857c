import { describe, expect, it } from "vitest";
import { clinicDayStart } from "@/lib/calls/today-kpis";

describe("clinicDayStart", () => {
  it("is midnight in the clinic's zone, whatever the server's zone", () => {
    // 2026-11-22 01:30 in Sydney (UTC+11) is still the 21st in UTC.
    const now = new Date("2026-11-21T14:30:00Z");
    expect(clinicDayStart(now, "Australia/Sydney").toISOString()).toBe("2026-11-21T13:00:00.000Z");
    expect(clinicDayStart(now, "America/New_York").toISOString()).toBe("2026-11-21T05:00:00.000Z");
    expect(clinicDayStart(now, "UTC").toISOString()).toBe("2026-11-21T00:00:00.000Z");
  });

  it("follows a daylight-saving change (Sydney, 4 October 2026: 02:00 → 03:00)", () => {
    expect(clinicDayStart(new Date("2026-10-04T12:00:00Z"), "Australia/Sydney").toISOString()).toBe("2026-10-03T14:00:00.000Z");
    expect(clinicDayStart(new Date("2026-10-05T01:00:00Z"), "Australia/Sydney").toISOString()).toBe("2026-10-04T13:00:00.000Z");
  });
});
