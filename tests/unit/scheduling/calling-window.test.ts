import { describe, expect, it } from "vitest";
import { clockToMinute, isOpen, legalWindow, minuteToClock, nextOpen, nextOpening, type WeeklyWindow } from "@/lib/scheduling/calling-window";
import { wallClock } from "../../factories/scheduling";

// Instants are written with their UTC offset ("+11:00" is Sydney in summer), so what is expected
// does not come from the code under test, and nothing depends on the server's zone.
const t = (iso: string) => Date.parse(iso);
const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

const weekdays = (timeZone: string, start = "09:00", end = "17:00"): WeeklyWindow => ({
  timeZone,
  days: [1, 2, 3, 4, 5],
  startMinute: clockToMinute(start)!,
  endMinute: clockToMinute(end)!,
});
const sydney = weekdays("Australia/Sydney");
const newYork = weekdays("America/New_York");

describe("isOpen", () => {
  it.each([
    ["2026-12-02T08:59:59+11:00", false, "Wednesday, a second before opening"],
    ["2026-12-02T09:00:00+11:00", true, "Wednesday at opening"],
    ["2026-12-02T16:59:00+11:00", true, "the last minute"],
    ["2026-12-02T17:00:00+11:00", false, "closing time (the end is excluded)"],
    ["2026-12-05T10:00:00+11:00", false, "Saturday"],
    ["2026-12-06T10:00:00+11:00", false, "Sunday"],
    ["2026-12-07T10:00:00+11:00", true, "Monday"],
    // 22:30 UTC on Tuesday is already Wednesday 09:30 in Sydney.
    ["2026-12-01T22:30:00Z", true, "an instant whose UTC date is the day before"],
  ])("the Sydney clinic at %s is open: %s (%s)", (at, open) => {
    expect(isOpen(t(at), sydney)).toBe(open);
  });

  it("keeps the legal window 08:00–21:00 every day of the week", () => {
    const london = legalWindow("Europe/London");
    expect(london).toMatchObject({ startMinute: 480, endMinute: 1260, days: [1, 2, 3, 4, 5, 6, 7] });
    expect(isOpen(t("2026-12-06T07:59:00Z"), london)).toBe(false);
    expect(isOpen(t("2026-12-06T08:00:00Z"), london)).toBe(true);
    expect(isOpen(t("2026-12-06T20:59:00Z"), london)).toBe(true);
    expect(isOpen(t("2026-12-06T21:00:00Z"), london)).toBe(false);
    // Summer: 08:00 in London is 07:00 UTC.
    expect(isOpen(t("2026-07-05T07:00:00Z"), london)).toBe(true);
    expect(isOpen(t("2026-07-05T20:00:00Z"), london)).toBe(false);
  });
});

describe("nextOpen", () => {
  it.each([
    ["inside the window: the same instant", "2026-12-02T14:00:00+11:00", "2026-12-02T03:00:00.000Z"],
    ["before opening: 09:00 the same day", "2026-12-02T06:15:00+11:00", "2026-12-01T22:00:00.000Z"],
    ["after closing: 09:00 the next day", "2026-12-02T17:00:00+11:00", "2026-12-02T22:00:00.000Z"],
    ["Friday evening: Monday 09:00", "2026-12-04T17:30:00+11:00", "2026-12-06T22:00:00.000Z"],
    ["Saturday: Monday 09:00", "2026-12-05T12:00:00+11:00", "2026-12-06T22:00:00.000Z"],
    ["over a month's end: Friday 30 Oct → Monday 2 Nov", "2026-10-30T18:00:00+11:00", "2026-11-01T22:00:00.000Z"],
    ["over a year's end: Thursday 31 Dec → Friday 1 Jan", "2026-12-31T18:00:00+11:00", "2026-12-31T22:00:00.000Z"],
  ])("%s", (_, from, expected) => {
    expect(iso(nextOpen(t(from), sydney))).toBe(expected);
  });

  it("is null for a window with no days, and for one that ends when it starts", () => {
    expect(nextOpen(t("2026-12-02T14:00:00+11:00"), { ...sydney, days: [] })).toBeNull();
    expect(nextOpen(t("2026-12-02T14:00:00+11:00"), { ...sydney, startMinute: 600, endMinute: 600 })).toBeNull();
  });

  it("finds a window open one day a week from any day of the week", () => {
    const sundays: WeeklyWindow = { ...sydney, days: [7] };
    for (let day = 0; day < 7; day++) {
      const from = t("2026-12-07T08:00:00+11:00") + day * 86_400_000;
      expect(wallClock(nextOpen(from, sundays)!, "Australia/Sydney")).toBe("Sun 2026-12-13 09:00");
    }
    // On the Sunday itself, after closing: a week later.
    expect(wallClock(nextOpen(t("2026-12-13T17:00:00+11:00"), sundays)!, "Australia/Sydney")).toBe("Sun 2026-12-20 09:00");
  });

  describe("over daylight-saving changes, a window opening on the Monday after keeps 09:00 local", () => {
    it.each([
      // Sydney moves 02:00 → 03:00 on Sunday 4 October 2026 (+10:00 → +11:00).
      ["Sydney, summer time starts", sydney, "2026-10-02T17:00:00+10:00", "2026-10-04T22:00:00.000Z", "Mon 2026-10-05 09:00"],
      // Sydney moves 03:00 → 02:00 on Sunday 5 April 2026 (+11:00 → +10:00).
      ["Sydney, summer time ends", sydney, "2026-04-03T17:00:00+11:00", "2026-04-05T23:00:00.000Z", "Mon 2026-04-06 09:00"],
      // New York moves 02:00 → 03:00 on Sunday 8 March 2026 (-05:00 → -04:00).
      ["New York, summer time starts", newYork, "2026-03-06T17:00:00-05:00", "2026-03-09T13:00:00.000Z", "Mon 2026-03-09 09:00"],
      // New York moves 02:00 → 01:00 on Sunday 1 November 2026 (-04:00 → -05:00).
      ["New York, summer time ends", newYork, "2026-10-30T17:00:00-04:00", "2026-11-02T14:00:00.000Z", "Mon 2026-11-02 09:00"],
    ])("%s", (_, window, from, expected, local) => {
      const open = nextOpen(t(from), window)!;
      expect(iso(open)).toBe(expected);
      expect(wallClock(open, window.timeZone)).toBe(local);
    });

    it.each([
      ["Australia/Sydney", "2026-10-03T21:30:00+10:00", "2026-10-03T21:00:00.000Z"],
      ["Australia/Sydney", "2026-04-04T21:30:00+11:00", "2026-04-04T22:00:00.000Z"],
      ["America/New_York", "2026-03-07T21:30:00-05:00", "2026-03-08T12:00:00.000Z"],
      ["America/New_York", "2026-10-31T21:30:00-04:00", "2026-11-01T13:00:00.000Z"],
    ])("the legal window in %s opens at 08:00 on the day of the change (from %s)", (zone, from, expected) => {
      const open = nextOpen(t(from), legalWindow(zone))!;
      expect(iso(open)).toBe(expected);
      expect(wallClock(open, zone).endsWith(" 08:00")).toBe(true);
    });

    it("does not skip the day when the window's start does not exist on the clock that night", () => {
      // 02:30 never happens in Sydney on 4 October 2026; 03:00–04:00 of that night still does.
      const night: WeeklyWindow = { timeZone: "Australia/Sydney", days: [1, 2, 3, 4, 5, 6, 7], startMinute: 150, endMinute: 240 };
      const open = nextOpen(t("2026-10-04T00:00:00+10:00"), night)!;
      expect(isOpen(open, night)).toBe(true);
      expect(open).toBeGreaterThanOrEqual(t("2026-10-04T03:00:00+11:00"));
      expect(open).toBeLessThanOrEqual(t("2026-10-04T03:30:00+11:00"));
      // A window that lies wholly in the missing hour is not open that night: the next night's 02:30.
      expect(iso(nextOpen(t("2026-10-04T00:00:00+10:00"), { ...night, endMinute: 180 }))).toBe("2026-10-04T15:30:00.000Z");
    });
  });

  it("returns the first open instant at or after `from`, with no open minute skipped (random instants, five zones)", () => {
    let seed = 20261201;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const windows: WeeklyWindow[] = [
      sydney,
      newYork,
      weekdays("Europe/London", "08:30", "12:00"),
      weekdays("Asia/Kolkata", "10:15", "18:45"),
      legalWindow("Australia/Lord_Howe"),
    ];
    const yearStart = t("2026-01-01T00:00:00Z");
    for (let sample = 0; sample < 60; sample++) {
      const window = windows[sample % windows.length]!;
      const from = yearStart + Math.floor(random() * 365 * 24 * 60) * 60_000;
      const open = nextOpen(from, window)!;
      expect(open).toBeGreaterThanOrEqual(from);
      expect(isOpen(open, window)).toBe(true);
      for (let minute = from; minute < open; minute += 60_000) expect(isOpen(minute, window)).toBe(false);
    }
  });
});

describe("nextOpening (every window open at once)", () => {
  it("is the first instant both the clinic's hours and the recipient's legal hours are open", () => {
    // Sydney 16:30 is 21:30 the day before in Los Angeles: too late there. Sydney 09:00 is 14:00 there.
    expect(iso(nextOpening(t("2026-12-02T16:30:00+11:00"), [sydney, legalWindow("America/Los_Angeles")]))).toBe("2026-12-02T22:00:00.000Z");
    // Sydney 13:30 is 21:30 in New York.
    expect(iso(nextOpening(t("2026-12-02T13:30:00+11:00"), [sydney, legalWindow("America/New_York")]))).toBe("2026-12-02T22:00:00.000Z");
    // Open in both: the same instant.
    expect(iso(nextOpening(t("2026-12-02T10:00:00+11:00"), [sydney, legalWindow("America/Los_Angeles")]))).toBe("2026-12-01T23:00:00.000Z");
  });

  it("crosses the date line: a New York clinic reaches Sydney only in its last hour, on clinic days", () => {
    // New York 16:00 (-05:00) is Sydney 08:00 the next day; the clinic closes at 17:00.
    const sydneyLegal = legalWindow("Australia/Sydney");
    expect(iso(nextOpening(t("2026-12-07T09:00:00-05:00"), [newYork, sydneyLegal]))).toBe("2026-12-07T21:00:00.000Z");
    expect(iso(nextOpening(t("2026-12-04T16:30:00-05:00"), [newYork, sydneyLegal]))).toBe("2026-12-04T21:30:00.000Z");
    // Friday after closing: Monday 16:00 in New York.
    expect(iso(nextOpening(t("2026-12-04T17:00:00-05:00"), [newYork, sydneyLegal]))).toBe("2026-12-07T21:00:00.000Z");
  });

  it("is null when the windows never overlap", () => {
    // Sydney 09:00–17:00 is 22:00–06:00 in London in December and 00:00–08:00 in July.
    expect(nextOpening(t("2026-12-02T09:00:00+11:00"), [sydney, legalWindow("Europe/London")])).toBeNull();
    expect(nextOpening(t("2026-07-01T09:00:00+10:00"), [sydney, legalWindow("Europe/London")])).toBeNull();
    expect(nextOpening(t("2026-12-02T09:00:00+11:00"), [sydney, { ...sydney, days: [] }])).toBeNull();
  });

  it("finds a narrow overlap: a Sydney clinic open until 20:00 reaches London at its 08:00", () => {
    const late = weekdays("Australia/Sydney", "09:00", "20:00");
    const open = nextOpening(t("2026-12-02T09:00:00+11:00"), [late, legalWindow("Europe/London")])!;
    expect(iso(open)).toBe("2026-12-02T08:00:00.000Z");
    expect(wallClock(open, "Australia/Sydney")).toBe("Wed 2026-12-02 19:00");
    expect(wallClock(open, "Europe/London")).toBe("Wed 2026-12-02 08:00");
  });
});

describe("clock strings ↔ minutes", () => {
  it.each([
    ["00:00", 0],
    ["09:00", 540],
    ["13:05", 785],
    ["23:59", 1439],
    ["24:00", 1440],
  ])("%s ↔ %i", (clock, minute) => {
    expect(clockToMinute(clock)).toBe(minute);
    expect(minuteToClock(minute)).toBe(clock);
  });

  it.each(["9:00", "24:01", "25:00", "12:60", "12:5", "12.30", "", " 09:00", "09:00 "])("refuses %j", (clock) => {
    expect(clockToMinute(clock)).toBeNull();
  });

  it("round-trips every minute of the day", () => {
    for (let minute = 0; minute <= 1440; minute++) expect(clockToMinute(minuteToClock(minute))).toBe(minute);
  });
});
