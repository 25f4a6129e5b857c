import { describe, expect, it } from "vitest";
import { nextAttemptWords, shownCallTime } from "@/components/scheduling/shown-call-time";
import type { PendingWait } from "@/lib/scheduling/pending-wait";

const planned = new Date("2030-03-04T09:00:00Z");
const retryAt = new Date("2030-03-05T10:00:00Z");
const call = (status: string, nextAttemptAt: Date | null = null, waitingFor: PendingWait | null = nextAttemptAt ? "retry" : null) => ({
  status,
  scheduledTime: planned,
  dueAt: nextAttemptAt ?? planned,
  waitingFor,
});

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

  it("a call the dispatcher held for the patient's call limit or for calling hours says so, not 'retry'", () => {
    expect(shownCallTime(call("PENDING", retryAt, "call_limit"), "due")).toEqual({
      at: retryAt,
      beside: { words: "moved · call limit · first planned", at: planned },
    });
    expect(shownCallTime(call("PENDING", retryAt, "call_limit"), "desc")).toEqual({ at: planned, beside: { words: "moved · call limit · due", at: retryAt } });
    expect(shownCallTime(call("PENDING", retryAt, "calling_hours"), "due")).toEqual({
      at: retryAt,
      beside: { words: "waiting for calling hours · first planned", at: planned },
    });
    expect(shownCallTime(call("PENDING", retryAt, "calling_hours"), "asc")).toEqual({
      at: planned,
      beside: { words: "waiting for calling hours · due", at: retryAt },
    });
  });

  it("the Next attempt column names the wait the same way", () => {
    expect(nextAttemptWords("retry")).toBe("Retry");
    expect(nextAttemptWords("call_limit")).toBe("Call limit:");
    expect(nextAttemptWords("calling_hours")).toBe("Calling hours:");
    expect(nextAttemptWords(null)).toBeNull();
  });
});
