import { describe, expect, it } from "vitest";
import { previewHint, scheduleFormErrors } from "@/components/scheduling/schedule-form-errors";

describe("the schedule dialog's field messages", () => {
  it("a spacing out of range names the spacing and its range, not the date", () => {
    for (const stagger of ["0", "61", "90"]) {
      expect(scheduleFormErrors({ timePicked: true, stagger, sequence: false })).toEqual({ staggerMinutes: "Space calls 1 to 60 minutes apart" });
    }
    expect(scheduleFormErrors({ timePicked: true, stagger: "2.5", sequence: false })).toEqual({
      staggerMinutes: "Enter the minutes between calls as a whole number in digits, 1 to 60 minutes",
    });
    expect(previewHint(scheduleFormErrors({ timePicked: true, stagger: "90", sequence: false }))).toBe(
      "Set the minutes between calls (1 to 60 minutes) to see when the calls go out.",
    );
  });

  it("a spacing is whole minutes typed as digits: an exponent, hex, spaces, a decimal point or a sign are refused, not read as a number", () => {
    for (const stagger of ["1e1", "0x10", " 5 ", "5 ", "5.0", "+5", "-0", "٥", ""]) {
      expect(scheduleFormErrors({ timePicked: true, stagger, sequence: false }), stagger).toEqual({
        staggerMinutes: "Enter the minutes between calls as a whole number in digits, 1 to 60 minutes",
      });
    }
    expect(scheduleFormErrors({ timePicked: true, stagger: "05", sequence: false })).toEqual({});
  });

  it("a missing date or time names those; both wrong names both; a sequence has no spacing to check", () => {
    expect(scheduleFormErrors({ timePicked: false, stagger: "2", sequence: false })).toEqual({ scheduledTime: "Pick a date and a time" });
    expect(previewHint({ scheduledTime: "Pick a date and a time" })).toBe("Pick a date and time to see when the calls go out.");
    expect(previewHint(scheduleFormErrors({ timePicked: false, stagger: "", sequence: false }))).toBe(
      "Pick a date and time and set the minutes between calls (1 to 60 minutes) to see when the calls go out.",
    );
    expect(scheduleFormErrors({ timePicked: true, stagger: "90", sequence: true })).toEqual({});
    expect(scheduleFormErrors({ timePicked: true, stagger: "1", sequence: false })).toEqual({});
    expect(scheduleFormErrors({ timePicked: true, stagger: "60", sequence: false })).toEqual({});
  });
});
