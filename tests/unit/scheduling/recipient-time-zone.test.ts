import { describe, expect, it } from "vitest";
import { recipientTimeZone, zoneFromNumber } from "@/lib/scheduling/recipient-time-zone";

/** The UTC offset a zone's clock shows at an instant ("GMT+01:00"). */
const offsetAt = (timeZone: string, iso: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(Date.parse(iso)).find((part) => part.type === "timeZoneName")!.value;

describe("recipientTimeZone", () => {
  it("uses the zone set on the contact over the one its number gives", () => {
    expect(recipientTimeZone({ timezone: "Europe/London", phoneNumber: "+14155552671" }, "Australia/Sydney")).toEqual({
      zone: "Europe/London",
      source: "contact",
    });
  });

  it.each([
    ["+14155552671", "America/Los_Angeles"],
    ["+12125550199", "America/New_York"],
    ["+16045550100", "America/Vancouver"],
    ["+33123456789", "Europe/Paris"],
  ])("reads %s as %s from its prefix", (phoneNumber, zone) => {
    expect(recipientTimeZone({ timezone: null, phoneNumber }, "Australia/Sydney")).toEqual({ zone, source: "number" });
  });

  it.each(["+442079460958", "+447400123456"])("reads the UK number %s as one zone that keeps London's clock all year", (phoneNumber) => {
    const { zone, source } = recipientTimeZone({ timezone: null, phoneNumber }, "Australia/Sydney");
    expect(source).toBe("number");
    expect(["Europe/London", "Europe/Guernsey", "Europe/Jersey", "Europe/Isle_of_Man"]).toContain(zone);
    for (const at of ["2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z"]) expect(offsetAt(zone, at)).toBe(offsetAt("Europe/London", at));
  });

  it.each([
    ["+18005550100", "a +1 toll-free number (no area, every North American zone)"],
    ["+61855500000", "an (08) number, Perth or Adelaide (different clocks)"],
    ["+99912345678", "a number whose country code the map does not know"],
  ])("falls back to the clinic's zone for %s: %s", (phoneNumber) => {
    expect(recipientTimeZone({ timezone: null, phoneNumber }, "America/Chicago")).toEqual({ zone: "America/Chicago", source: "clinic" });
  });

  it("falls back to the clinic's zone when the country has zones with different clocks", () => {
    expect(zoneFromNumber("+1")).toBeNull();
    expect(zoneFromNumber("+7")).toBeNull();
    expect(recipientTimeZone({ timezone: null, phoneNumber: "+5" }, "Australia/Sydney")).toEqual({ zone: "Australia/Sydney", source: "clinic" });
  });

  it("uses the longest prefix the map knows (a Brisbane exchange inside Australia's 07 area)", () => {
    expect(zoneFromNumber("+61731234567")).toBe("Australia/Brisbane");
  });
});
