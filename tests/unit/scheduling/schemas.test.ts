import { describe, expect, it } from "vitest";
import { callingRulesSchema } from "@/lib/organizations/schemas";
import { idempotencyKeySchema, listScheduledCallsQuerySchema, rescheduleSchema, scheduleCallsSchema } from "@/lib/scheduling/schemas";

/** The messages zod gives, by field path, or null when the input is accepted. */
function problems(schema: { safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? null : result.error!.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

describe("callingRulesSchema", () => {
  it("reads calling hours into minutes after midnight and sorts the days", () => {
    expect(
      callingRulesSchema.parse({
        timezone: "Australia/Perth",
        callingDays: [5, 1, 3],
        callingWindowStart: "08:30",
        callingWindowEnd: "24:00",
        staggerMinutes: 5,
        maxAttempts: 2,
        concurrencyLimit: 10,
        retryVoicemail: false,
        staleCallMinutes: 30,
      }),
    ).toEqual({
      timezone: "Australia/Perth",
      callingDays: [1, 3, 5],
      callingWindowStart: 510,
      callingWindowEnd: 1440,
      staggerMinutes: 5,
      maxAttempts: 2,
      concurrencyLimit: 10,
      retryVoicemail: false,
      staleCallMinutes: 30,
    });
  });

  it("accepts a change of one field and leaves the others undefined (not stored)", () => {
    expect(callingRulesSchema.parse({ staggerMinutes: 3 })).toEqual({ staggerMinutes: 3, callingWindowStart: undefined, callingWindowEnd: undefined });
  });

  it("refuses an empty change", () => {
    expect(problems(callingRulesSchema, {})).toEqual(["(root): Nothing to change"]);
  });

  it("leaves start < end to updateCallingRules, which checks it against the stored side of a partial change", () => {
    // The route answers 400 for these (tests/integration/scheduling/calling-rules.test.ts).
    expect(callingRulesSchema.parse({ callingWindowStart: "17:00", callingWindowEnd: "09:00" })).toMatchObject({
      callingWindowStart: 1020,
      callingWindowEnd: 540,
    });
  });

  it.each([
    [{ staggerMinutes: 1 }, null],
    [{ staggerMinutes: 60 }, null],
    [{ staggerMinutes: 0 }, ["staggerMinutes: At least 1 minute between calls"]],
    [{ staggerMinutes: 61 }, ["staggerMinutes: At most 60 minutes between calls"]],
    [{ staggerMinutes: 1.5 }, [expect.stringMatching(/^staggerMinutes: /)]],
    [{ maxAttempts: 1 }, null],
    [{ maxAttempts: 10 }, null],
    [{ maxAttempts: 0 }, ["maxAttempts: At least 1 attempt"]],
    [{ maxAttempts: 11 }, ["maxAttempts: At most 10 attempts"]],
    [{ concurrencyLimit: 51 }, ["concurrencyLimit: At most 50 calls at once"]],
    [{ staleCallMinutes: 4 }, ["staleCallMinutes: At least 5 minutes"]],
  ])("bounds %j", (input, expected) => {
    expect(problems(callingRulesSchema, input)).toEqual(expected);
  });

  it.each(["Mars/Olympus", "EST", "", "Sydney"])("refuses the time zone %j", (timezone) => {
    expect(problems(callingRulesSchema, { timezone })).toEqual(["timezone: Use an IANA time zone such as Australia/Sydney"]);
  });

  it.each(["UTC", "America/Argentina/Buenos_Aires", "Australia/Lord_Howe"])("accepts the time zone %s", (timezone) => {
    expect(problems(callingRulesSchema, { timezone })).toBeNull();
  });

  it.each([
    [[], "callingDays: Pick at least one calling day"],
    [[1, 1], "callingDays: Each day at most once"],
    [[0], expect.stringMatching(/^callingDays\.0: /)],
    [[8], expect.stringMatching(/^callingDays\.0: /)],
    [[1, 2, 3, 4, 5, 6, 7, 1], expect.stringMatching(/^callingDays: /)],
  ])("refuses the calling days %j", (callingDays, message) => {
    expect(problems(callingRulesSchema, { callingDays })).toContainEqual(message);
  });

  it.each(["9:00", "24:01", "12:60", "noon", "09:00:00"])("refuses the clock time %j", (clock) => {
    expect(problems(callingRulesSchema, { callingWindowStart: clock })).toEqual(["callingWindowStart: Use a 24-hour time such as 09:00 or 17:30"]);
  });
});

describe("scheduleCallsSchema", () => {
  const base = { scheduledTime: "2026-12-02T14:00:00+11:00" };

  it("takes the contacts as a list of ids, a selection in contactIds, or a selection", () => {
    expect(scheduleCallsSchema.parse({ ...base, contactIds: ["c1", "c2"] }).contactIds).toEqual(["c1", "c2"]);
    expect(scheduleCallsSchema.parse({ ...base, contactIds: { ids: ["c1"] } }).contactIds).toEqual({ ids: ["c1"] });
    expect(scheduleCallsSchema.parse({ ...base, selection: { filter: { q: " smith " } } }).selection).toEqual({
      filter: { q: "smith" },
      excludeIds: [],
      includeIds: [],
    });
  });

  it("refuses both contactIds and selection, and neither", () => {
    const message = "contactIds: Send the contacts as contactIds (a list of ids) or as selection, not both";
    expect(problems(scheduleCallsSchema, { ...base, contactIds: ["c1"], selection: { ids: ["c1"] } })).toEqual([message]);
    expect(problems(scheduleCallsSchema, base)).toEqual([message]);
  });

  it.each(["2026-12-02T14:00:00", "2026-12-02 14:00", "tomorrow", "2026-13-02T14:00:00Z", ""])(
    "refuses the time %j (an instant needs its offset)",
    (scheduledTime) => {
      expect(problems(scheduleCallsSchema, { contactIds: ["c1"], scheduledTime })).toEqual([
        expect.stringMatching(/^scheduledTime: Use an ISO 8601 date-time with a time zone/),
      ]);
    },
  );

  it.each(["2026-12-02T03:00:00Z", "2026-12-02T14:00:00+11:00", "2026-12-02T14:00:00.500-05:00"])("accepts the time %s", (scheduledTime) => {
    expect(problems(scheduleCallsSchema, { contactIds: ["c1"], scheduledTime })).toBeNull();
  });

  it.each([
    [{ staggerMinutes: 0 }, "staggerMinutes: Space calls at least 1 minute apart"],
    [{ staggerMinutes: 61 }, "staggerMinutes: Space calls at most 60 minutes apart"],
    [{ staggerMinutes: 2.5 }, "staggerMinutes: The minutes between calls must be a whole number, such as 5"],
    [{ agentId: "  " }, "agentId: Must not be empty"],
    [{ surprise: true }, expect.stringMatching(/surprise/)],
    [{ contactIds: [""] }, expect.stringMatching(/^contactIds/)],
  ])("refuses %j", (extra, message) => {
    expect(problems(scheduleCallsSchema, { contactIds: ["c1"], ...base, ...extra })).toContainEqual(message);
  });

  it.each(["1e1", "0x10", " 5 ", "5.0", "10"])("refuses the spacing %j sent as a string rather than read as a number", (staggerMinutes) => {
    expect(problems(scheduleCallsSchema, { contactIds: ["c1"], ...base, staggerMinutes })).toEqual([
      "staggerMinutes: The minutes between calls must be a whole number, such as 5",
    ]);
  });

  it("bounds the Idempotency-Key, the list query and the reschedule body", () => {
    expect(idempotencyKeySchema.safeParse("k".repeat(255)).success).toBe(true);
    expect(idempotencyKeySchema.safeParse("k".repeat(256)).success).toBe(false);
    expect(idempotencyKeySchema.safeParse("   ").success).toBe(false);
    expect(listScheduledCallsQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(listScheduledCallsQuerySchema.safeParse({ limit: "201" }).success).toBe(false);
    expect(listScheduledCallsQuerySchema.safeParse({ status: "LOST" }).success).toBe(false);
    expect(rescheduleSchema.safeParse({ scheduledTime: "2026-12-02T14:00:00+11:00", status: "PENDING" }).success).toBe(false);
  });
});
