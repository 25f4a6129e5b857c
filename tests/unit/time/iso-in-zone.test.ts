import { describe, expect, it } from "vitest";
import { isoInZone } from "@/lib/time/iso-in-zone";

describe("isoInZone", () => {
  it("writes the clinic's wall clock with its offset, summer and winter, and names the same instant", () => {
    const summer = new Date("2026-12-06T22:30:00.000Z");
    expect(isoInZone(summer, "Australia/Sydney")).toBe("2026-12-07T09:30:00+11:00");
    expect(isoInZone(new Date("2026-07-06T22:30:00.000Z"), "Australia/Sydney")).toBe("2026-07-07T08:30:00+10:00");
    expect(new Date(isoInZone(summer, "Australia/Sydney")).getTime()).toBe(summer.getTime());
  });

  it("half-hour and negative offsets, and UTC as +00:00 rather than Z", () => {
    const at = new Date("2026-03-01T00:05:09.999Z");
    expect(isoInZone(at, "Asia/Kolkata")).toBe("2026-03-01T05:35:09+05:30");
    expect(isoInZone(at, "America/New_York")).toBe("2026-02-28T19:05:09-05:00");
    expect(isoInZone(at, "UTC")).toBe("2026-03-01T00:05:09+00:00");
  });
});
