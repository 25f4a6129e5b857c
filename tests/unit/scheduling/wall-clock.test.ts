import { describe, expect, it } from "vitest";
import { wallClockGaps, wallClockToIso } from "@/components/scheduling/wall-clock";

describe("the wall-clock inputs", () => {
  it("name the part that is missing or impossible, beside its own input", () => {
    expect(wallClockGaps({ date: "2026-12-08", time: "14:00" })).toEqual({});
    expect(wallClockGaps({ date: "", time: "14:00" })).toEqual({ date: "Pick a date" });
    expect(wallClockGaps({ date: "2026-02-30", time: "14:00" })).toEqual({ date: "Pick a date" });
    expect(wallClockGaps({ date: "2026-12-08", time: "" })).toEqual({ time: "Pick a time" });
    expect(wallClockGaps({ date: "", time: "24:00" })).toEqual({ date: "Pick a date", time: "Pick a time" });
  });

  it("read a day the month does not have as no time at all, not as the next month", () => {
    expect(wallClockToIso({ date: "2026-02-30", time: "09:00" }, "Australia/Sydney")).toBeNull();
    expect(wallClockToIso({ date: "2028-02-29", time: "09:00" }, "Australia/Sydney")).toBe("2028-02-29T09:00:00.000+11:00");
    expect(wallClockToIso({ date: "2026-12-08", time: "14:00" }, "Australia/Sydney")).toBe("2026-12-08T14:00:00.000+11:00");
  });
});
