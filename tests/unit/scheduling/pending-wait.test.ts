import { describe, expect, it } from "vitest";
import { judgePatientDial } from "@/lib/compliance/check-patient-dial";
import { pendingWait } from "@/lib/scheduling/pending-wait";
import type { CallingRules } from "@/lib/scheduling/plan-batch";

const later = new Date("2026-12-09T09:00:00Z");
const pending = (attempts: number, errorMessage: string | null, nextAttemptAt: Date | null = later) => ({
  status: "PENDING",
  attempts,
  errorMessage,
  nextAttemptAt,
});

/** The sentence the dispatcher writes when it holds a call back (deferOrSkip): "Moved: " and the verdict's reason, with the name. */
const moved = (reason: string, name = "Mia Patel") => `Moved: ${reason.replace(/^the patient/, name)}`;

describe("pendingWait: why a pending call waits past its scheduled time", () => {
  // London clinic open around the clock, a Sydney patient; 1 a day, 3 a week.
  const rules: CallingRules & { maxCallsPerDay: number; maxCallsPerWeek: number; overCapAction: "DEFER" } = {
    timezone: "Europe/London",
    defaultCountry: "AU",
    callingDays: [1, 2, 3, 4, 5, 6, 7],
    callingWindowStart: 0,
    callingWindowEnd: 1440,
    maxCallsPerDay: 1,
    maxCallsPerWeek: 3,
    overCapAction: "DEFER",
  };
  const patient = { toNumber: "+61255500001", zone: "Australia/Sydney", rules, clinicHours: true };

  it("held for the patient's call limit (the dispatcher's own sentence): 'call_limit', with no dial counted", () => {
    // 20:00 in Sydney, called at 08:30 the same day.
    const verdict = judgePatientDial([+new Date("2026-12-07T21:30:00Z")], { ...patient, now: new Date("2026-12-08T09:00:00Z") });
    expect(verdict).toMatchObject({ ok: false, rule: "cap" });
    if (verdict.ok) throw new Error("unreachable");
    expect(pendingWait(pending(0, moved(verdict.reason)))).toBe("call_limit");
    // A retry the limit then held back is held for the limit now.
    expect(pendingWait(pending(1, moved(verdict.reason)))).toBe("call_limit");
  });

  it("held for the patient's hours (the dispatcher's sentence) or the clinic's calling hours (no sentence, never dialed): 'calling_hours'", () => {
    // 23:00 in Sydney.
    const verdict = judgePatientDial([], { ...patient, now: new Date("2026-12-08T12:00:00Z") });
    expect(verdict).toMatchObject({ ok: false, rule: "hours" });
    if (verdict.ok) throw new Error("unreachable");
    expect(pendingWait(pending(0, moved(verdict.reason)))).toBe("calling_hours");
    expect(pendingWait(pending(0, null))).toBe("calling_hours");
  });

  it("a dial made (or refused by ElevenLabs) and tried again after the backoff: 'retry'", () => {
    expect(pendingWait(pending(1, "ElevenLabs: rate limited"))).toBe("retry");
    expect(pendingWait(pending(2, null))).toBe("retry");
  });

  it("nothing when the call runs at its scheduled time or is not pending", () => {
    expect(pendingWait(pending(0, null, null))).toBeNull();
    expect(pendingWait({ status: "COMPLETED", attempts: 1, errorMessage: null, nextAttemptAt: later })).toBeNull();
    expect(pendingWait({ status: "CANCELLED", attempts: 0, errorMessage: moved("the patient was already called that day"), nextAttemptAt: later })).toBeNull();
  });
});
