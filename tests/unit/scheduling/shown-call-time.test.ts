import { describe, expect, it } from "vitest";
import { shownCallTime } from "@/components/scheduling/shown-call-time";

const planned = new Date("2030-03-04T09:00:00Z");
const retryAt = new Date("2030-03-05T10:00:00Z");
const call = (status: string, nextAttemptAt: Date | null = null) => ({ status, scheduledTime: planned, nextAttemptAt, dueAt: nextAttemptAt ?? planned });

describe("shownCallTime: a row of the calls table shows the time its list is sorted by", () => {
  it("on a list by scheduled time (All, newest first; the other tabs), a pending retry shows its scheduled time, its retry beside it", () => {
    for (const order of ["desc", "asc"] as const) {
      expect(shownCallTime(call("PENDING", retryAt), order)).toEqual({ at: planned, beside: { words: "retry due", at: retryAt } });
      expect(shownCallTime(call("PENDING"), order)).toEqual({ at: planned, beside: null });
      expect(shownCallTime(call("FAILED", retryAt), order)).toEqual({ at: planned, beside: null });
    }
  });

  it("on the Pending tab (by when each is next due) a retry shows its retry time, its first time beside it", () => {
    expect(shownCallTime(call("PENDING", retryAt), "due")).toEqual({ at: retryAt, beside: { words: "retry · first planned", at: planned } });
    expect(shownCallTime(call("PENDING"), "due")).toEqual({ at: planned, beside: null });
  });
});
