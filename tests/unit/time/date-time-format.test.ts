import { describe, expect, it } from "vitest";
import { dateTimeFormat, supportedLocale } from "@/lib/time/date-time-format";

describe("dateTimeFormat", () => {
  it("formats as a new Intl.DateTimeFormat would, and builds one formatter per locale and options", () => {
    const options = { timeZone: "Australia/Sydney", dateStyle: "long" } as const;
    const at = new Date("2026-12-05T01:00:00Z");
    expect(dateTimeFormat("en-AU", options).format(at)).toBe(new Intl.DateTimeFormat("en-AU", options).format(at));
    expect(dateTimeFormat("en-AU", { ...options })).toBe(dateTimeFormat("en-AU", options));
    expect(dateTimeFormat("en-AU", { ...options, timeZone: "UTC" })).not.toBe(dateTimeFormat("en-AU", options));
    expect(dateTimeFormat("hi-IN", options)).not.toBe(dateTimeFormat("en-AU", options));
  });

  it("throws the RangeError of an unknown zone, every time", () => {
    expect(() => dateTimeFormat("en-US", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(() => dateTimeFormat("en-US", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});

describe("supportedLocale", () => {
  it("keeps a supported tag and falls back to en-US for a malformed one", () => {
    expect(supportedLocale("en-AU")).toBe("en-AU");
    expect(supportedLocale("not a locale")).toBe("en-US");
  });
});
