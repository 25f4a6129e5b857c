import { describe, expect, it } from "vitest";
import { parseCallbackTime } from "@/lib/appointments/parse-callback-time";
import { addDaysToDate, localDateAndMinute, zonedInstant } from "@/lib/appointments/opening-hours";

const ZONES = ["Australia/Sydney", "America/New_York", "Asia/Kolkata"];
const DAY = "2026-12-02";

// [what the caller said, days after today, local time expected] — "now" is 10:00 on the zone's clock.
const TABLE: [string, number, string][] = [
  ["15:00", 0, "15:00"],
  ["3pm", 0, "15:00"],
  ["3 PM", 0, "15:00"],
  ["3:30 p.m.", 0, "15:30"],
  ["3:30pm", 0, "15:30"],
  ["3.30", 0, "15:30"],
  // Quarter hours in words: the hour named follows the am/pm rule, then the minutes move from it.
  ["half past 3", 0, "15:30"],
  ["call me at half past three", 0, "15:30"],
  ["half past 3pm", 0, "15:30"],
  ["quarter past 3", 0, "15:15"],
  ["a quarter past 11", 0, "11:15"],
  ["quarter to 4", 0, "15:45"],
  ["quarter to 4 p.m.", 0, "15:45"],
  ["quarter to 1", 0, "12:45"],
  ["tomorrow at quarter to 8", 1, "07:45"],
  ["half past 9 in the morning", 1, "09:30"],
  ["sava 4 baje", 0, "16:15"],
  ["paune 4 baje", 0, "15:45"],
  ["3 baje", 0, "15:00"],
  ["meko 3 baje call karo", 0, "15:00"],
  ["saade 4 baje", 0, "16:30"],
  ["teen baje", 0, "15:00"],
  ["call me back at 3", 0, "15:00"],
  ["3", 0, "15:00"],
  ["noon", 0, "12:00"],
  ["in 2 hours", 0, "12:00"],
  ["in an hour", 0, "11:00"],
  ["in half an hour", 0, "10:30"],
  ["in 45 minutes", 0, "10:45"],
  ["2 ghante baad", 0, "12:00"],
  ["tomorrow 10am", 1, "10:00"],
  ["tomorrow at 9:30am", 1, "09:30"],
  ["kal 11 baje", 1, "11:00"],
  ["day after tomorrow at 2pm", 2, "14:00"],
  ["tonight at 7", 0, "19:00"],
  // A time that has passed today means tomorrow.
  ["09:00", 1, "09:00"],
  ["9am", 1, "09:00"],
  ["today 8am", 1, "08:00"],
  // A weekday is the next one (DAY is a Wednesday); today's only while its time is still ahead.
  ["call me back on friday at 3", 2, "15:00"],
  ["Monday 10am", 5, "10:00"],
  ["wednesday 3pm", 0, "15:00"],
  ["wednesday 9am", 7, "09:00"],
  ["shukravar 3 baje", 2, "15:00"],
  ["somvaar subah 11 baje", 5, "11:00"],
  [`${DAY}T16:45`, 0, "16:45"],
  [`${DAY} 16:45`, 0, "16:45"],
];

describe("parseCallbackTime", () => {
  for (const timeZone of ZONES) {
    const now = zonedInstant(timeZone, DAY, 10 * 60)!;
    describe(timeZone, () => {
      for (const [said, days, clock] of TABLE) {
        it(`"${said}" → +${days} day(s) at ${clock}`, () => {
          const parsed = parseCallbackTime(said, { now, timeZone });
          expect(parsed).not.toBeNull();
          const local = localDateAndMinute(parsed!.at, timeZone);
          expect(local.date).toBe(addDaysToDate(DAY, days));
          expect(`${String(Math.floor(local.minute / 60)).padStart(2, "0")}:${String(local.minute % 60).padStart(2, "0")}`).toBe(clock);
        });
      }
      it("an ISO time with an offset is that instant, whatever the zone", () => {
        expect(parseCallbackTime("2026-12-03T09:15:00Z", { now, timeZone })).toEqual({ at: Date.parse("2026-12-03T09:15:00Z"), kind: "iso" });
        expect(parseCallbackTime("2026-12-03T09:15:00+05:30", { now, timeZone })?.at).toBe(Date.parse("2026-12-03T03:45:00Z"));
      });
    });
  }

  it("reads nothing it cannot: the agent asks again", () => {
    const now = Date.parse("2026-12-02T00:00:00Z");
    for (const said of [
      "whenever",
      "",
      "later",
      "tomorrow",
      "25:00",
      "13pm",
      "in zero hours",
      "2026-12-03",
      "8 December at 10am",
      "on the 8th at 10",
      "12/8 at 3pm",
      "next week at 3",
      "quarter past 13",
      "half past",
    ]) {
      expect(parseCallbackTime(said, { now, timeZone: "UTC" }), said).toBeNull();
    }
  });

  it('"in 2 hours" across a DST change is two real hours', () => {
    const now = Date.parse("2027-03-14T06:30:00Z"); // 01:30 EST, half an hour before the clocks jump
    const parsed = parseCallbackTime("in 2 hours", { now, timeZone: "America/New_York" })!;
    expect(parsed.at - now).toBe(2 * 3_600_000);
    expect(localDateAndMinute(parsed.at, "America/New_York").minute).toBe(4 * 60 + 30); // 04:30 EDT
  });
});
