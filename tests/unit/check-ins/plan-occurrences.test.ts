import { describe, expect, it } from "vitest";
import { describeRule, localInstant, occurrenceDates, upcomingStartDate } from "@/lib/check-ins/plan-occurrences";

describe("check-in occurrences", () => {
  it("weekly: the first asked weekday on or after the start date, then every 7 calendar days", () => {
    // 2026-12-02 is a Wednesday.
    expect(occurrenceDates({ type: "weekly", weekday: 3, weeks: 2, startDate: "2026-12-02" })).toEqual(["2026-12-02", "2026-12-09"]);
    expect(occurrenceDates({ type: "weekly", weekday: 1, weeks: 3, startDate: "2026-12-02" })).toEqual(["2026-12-07", "2026-12-14", "2026-12-21"]);
    // Across a month and a year end.
    expect(occurrenceDates({ type: "weekly", weekday: 4, weeks: 2, startDate: "2026-12-30" })).toEqual(["2026-12-31", "2027-01-07"]);
  });

  it("weekly from a start already past: from the first date whose call is still ahead", () => {
    const now = new Date("2026-12-02T01:00:00Z"); // Wednesday 2 Dec, 12:00 in Sydney
    const zone = "Australia/Sydney";
    expect(upcomingStartDate("2026-12-05", 600, zone, now)).toBe("2026-12-05"); // in the future: as asked
    expect(upcomingStartDate("2026-11-02", 14 * 60, zone, now)).toBe("2026-12-02"); // today's 14:00 is still ahead
    expect(upcomingStartDate("2026-11-02", 600, zone, now)).toBe("2026-12-03"); // today's 10:00 has passed
    expect(upcomingStartDate("2026-12-02", 600, zone, now)).toBe("2026-12-03");
    // "Every Wednesday at 10:00 from 2 Nov", asked on Wednesday 2 Dec at noon: next Wednesday, not four calls now.
    expect(occurrenceDates({ type: "weekly", weekday: 3, weeks: 2, startDate: upcomingStartDate("2026-11-02", 600, zone, now) })).toEqual([
      "2026-12-09",
      "2026-12-16",
    ]);
  });

  it("after an appointment: its local date plus the days asked", () => {
    expect(occurrenceDates({ type: "after_appointment", appointmentDate: "2027-02-27", days: 3 })).toEqual(["2027-03-02"]);
  });

  it("a wall-clock time is the same local time on each side of a DST change, and a skipped one moves past the jump", () => {
    expect(localInstant("2026-10-03", 600, "Australia/Sydney").toISOString()).toBe("2026-10-03T00:00:00.000Z");
    expect(localInstant("2026-10-04", 600, "Australia/Sydney").toISOString()).toBe("2026-10-03T23:00:00.000Z");
    // 02:30 does not exist on 4 Oct 2026 in Sydney (02:00 → 03:00).
    expect(localInstant("2026-10-04", 150, "Australia/Sydney").toISOString()).toBe("2026-10-03T16:30:00.000Z");
  });

  it("says the plan in one line", () => {
    expect(describeRule({ type: "weekly", weekday: 1, weeks: 4, startDate: "2026-12-02" }, 600, "2026-12-01")).toBe(
      "Every Monday at 10:00 AM, 4 times from Wed 2 Dec",
    );
    expect(describeRule({ type: "once", date: "2026-12-08" }, 870, "2026-12-01")).toBe("Once, Tue 8 Dec at 2:30 PM");
    expect(describeRule({ type: "after_appointment", appointmentDate: "2026-12-08", days: 1 }, 540, "2026-12-01")).toBe(
      "1 day after the appointment on Tue 8 Dec, at 9:00 AM",
    );
  });

  it("names the year of a date in another year than the clinic's today", () => {
    expect(describeRule({ type: "once", date: "2027-01-05" }, 600, "2026-12-07")).toBe("Once, Tue 5 Jan 2027 at 10:00 AM");
    expect(describeRule({ type: "weekly", weekday: 1, weeks: 2, startDate: "2199-01-05" }, 600, "2026-12-07")).toBe(
      "Every Monday at 10:00 AM, 2 times from Sat 5 Jan 2199",
    );
    expect(describeRule({ type: "after_appointment", appointmentDate: "2027-01-04", days: 1 }, 540, "2026-12-07")).toBe(
      "1 day after the appointment on Mon 4 Jan 2027, at 9:00 AM",
    );
  });
});
