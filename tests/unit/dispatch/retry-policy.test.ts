import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { backoffMs, nextAttemptTime } from "@/lib/calls/lifecycle/retry-policy";
import { classifyHttpError, parseRetryAfter } from "@/lib/elevenlabs/classify-error";

const rules = { timezone: "Australia/Sydney", defaultCountry: "AU", callingDays: [1, 2, 3, 4, 5], callingWindowStart: 9 * 60, callingWindowEnd: 17 * 60 };
const fixed = (value: number) => () => value;

describe("backoff", () => {
  it("doubles per attempt from 30 s for provider errors and from 15 min when nobody answered, capped", () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs("provider", attempt, { random: fixed(0.5) }))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs("provider", 20, { random: fixed(0.5) })).toBe(15 * 60_000);
    expect([1, 2, 3].map((attempt) => backoffMs("not_connected", attempt, { random: fixed(0.5) }))).toEqual([15 * 60_000, 30 * 60_000, 60 * 60_000]);
    expect(backoffMs("not_connected", 10, { random: fixed(0.5) })).toBe(4 * 3_600_000);
  });

  it("spreads retries by ±20 % so calls that failed together do not return together", () => {
    expect(backoffMs("provider", 1, { random: fixed(0) })).toBe(24_000);
    expect(backoffMs("provider", 1, { random: fixed(0.999999) })).toBe(36_000);
    const spread = new Set(Array.from({ length: 50 }, () => backoffMs("provider", 1)));
    expect(spread.size).toBeGreaterThan(40);
  });

  it("never comes back sooner than the provider's Retry-After", () => {
    expect(backoffMs("provider", 1, { retryAfterMs: 120_000, random: fixed(0.5) })).toBe(120_000);
    expect(backoffMs("provider", 1, { retryAfterMs: 1_000, random: fixed(0.5) })).toBe(30_000);
  });

  it("moves the retry into the clinic's calling hours and the recipient's legal hours", () => {
    // Friday 16:50 Sydney + 15 min = 17:05, after closing → Monday 09:00 Sydney.
    const friday = TZDate.tz("Australia/Sydney", 2026, 11, 4, 16, 50);
    const next = nextAttemptTime(friday, "not_connected", 1, rules, "Australia/Sydney", { random: fixed(0.5) })!;
    expect(new TZDate(+next, "Australia/Sydney").toString()).toContain("Mon Dec 07 2026 09:00:00");
    // A Perth recipient at 09:00 Sydney (06:00 Perth) waits for 08:00 Perth = 11:00 Sydney.
    const mondayEarly = TZDate.tz("Australia/Sydney", 2026, 11, 7, 8, 40);
    const perth = nextAttemptTime(mondayEarly, "provider", 1, rules, "Australia/Perth", { random: fixed(0.5) })!;
    expect(new TZDate(+perth, "Australia/Perth").getHours()).toBe(8);
  });
});

describe("Retry-After", () => {
  it("reads seconds and HTTP dates, and ignores what it cannot read", () => {
    const now = Date.parse("2026-12-01T00:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Tue, 01 Dec 2026 00:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it("travels with a 429 so the dispatcher can honour it", () => {
    expect(classifyHttpError(429, { detail: { status: "system_busy" } }, "30")).toMatchObject({ kind: "retryable", retryAfterMs: 30_000 });
    expect(classifyHttpError(429, {})).not.toHaveProperty("retryAfterMs");
  });
});
