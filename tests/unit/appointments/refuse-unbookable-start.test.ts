import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { refusePassedStart, refuseUnbookableStart, START_PASSED_MESSAGE, START_TOO_FAR_MESSAGE } from "@/lib/appointments/refuse-unbookable-start";

const now = Date.parse("2026-12-07T10:00:30+11:00");
const refusal = (startsAt: number, options?: Parameters<typeof refusePassedStart>[2]) => {
  try {
    refusePassedStart(startsAt, now, options);
    return null;
  } catch (error) {
    return error;
  }
};

describe("refusePassedStart", () => {
  it("accepts a start up to a minute old (a form sent at 10:00:30 for 10:00) and anything later", () => {
    expect(refusal(Date.parse("2026-12-07T10:00:00+11:00"))).toBeNull();
    expect(refusal(now - 60_000)).toBeNull();
    expect(refusal(now + 86_400_000)).toBeNull();
  });

  it("refuses an older start with a 422 naming the field", () => {
    const error = refusal(now - 60_001);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "unprocessable",
      status: 422,
      message: START_PASSED_MESSAGE,
      issues: [{ path: "startsAt", message: START_PASSED_MESSAGE }],
    });
    expect(refusal(Date.parse("2026-12-07T09:59:00+11:00"))).toBeInstanceOf(AppError);
  });

  it("says it in the caller's words, on the caller's field, with extra members", () => {
    expect(refusal(now - 3_600_000, { path: "start_time", message: "Please pick a later time.", extra: { reason: "passed" } })).toMatchObject({
      message: "Please pick a later time.",
      issues: [{ path: "start_time", message: "Please pick a later time." }],
      extra: { reason: "passed" },
    });
  });
});

describe("refuseUnbookableStart", () => {
  it("refuses a start more than a year ahead as well as a past one", () => {
    const day = 86_400_000;
    expect(() => refuseUnbookableStart(now + 366 * day, now)).not.toThrow();
    expect(() => refuseUnbookableStart(now + 366 * day + 1, now)).toThrow(START_TOO_FAR_MESSAGE);
    expect(() => refuseUnbookableStart(now - 2 * 60_000, now)).toThrow(START_PASSED_MESSAGE);
  });
});
