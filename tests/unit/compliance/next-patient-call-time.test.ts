import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { nextPatientCallTime } from "@/lib/compliance/next-patient-call-time";
import { placeInCallingHours } from "@/lib/scheduling/place-in-calling-hours";

const ZONE = "America/New_York";
const RULES = { timezone: ZONE, defaultCountry: "US", callingDays: [1, 2, 3, 4, 5, 6, 7], callingWindowStart: 9 * 60, callingWindowEnd: 21 * 60 };
const CAPS = { maxCallsPerDay: 1, maxCallsPerWeek: 3, overCapAction: "DEFER" as const };
const at = (day: number, hour: number, minute = 0) => +TZDate.tz(ZONE, 2026, 11, day, hour, minute);
const NEW_YORK = "+12125550123";
const MIAMI = "+13055550123";

describe("nextPatientCallTime: the time a call back or check-in will really be dialed", () => {
  it("a patient called today: tomorrow at the opening (1 a day), and which limit moved it", () => {
    const next = nextPatientCallTime(at(8, 11), RULES, ZONE, { toNumber: NEW_YORK, calls: [at(8, 10)], caps: CAPS });
    expect(next).toMatchObject({ at: at(9, 9), capped: { reason: "already called that day (at most 1 a day)" } });
  });

  it("nobody called: the time asked for, unmoved", () => {
    expect(nextPatientCallTime(at(8, 11), RULES, ZONE, { toNumber: NEW_YORK, calls: [], caps: CAPS })).toEqual({ at: at(8, 11), capped: null });
  });

  it("a Florida number at 20:30: its state's 08:00–20:00 moves it to the next morning, like the dispatcher", () => {
    expect(nextPatientCallTime(at(8, 20, 30), RULES, ZONE, { toNumber: MIAMI, calls: [], caps: CAPS })).toEqual({ at: at(9, 9), capped: null });
    const placed = placeInCallingHours(new Date(at(8, 20, 30)), new Date(at(8, 12)), RULES, ZONE, { toNumber: MIAMI, calls: [], caps: CAPS });
    expect(placed).toMatchObject({ at: new Date(at(9, 9)), moved: "outside_calling_hours" });
  });

  it("placeInCallingHours says a call limit moved it, in words", () => {
    const placed = placeInCallingHours(new Date(at(8, 13)), new Date(at(8, 12)), RULES, ZONE, { toNumber: NEW_YORK, calls: [at(8, 10)], caps: CAPS });
    expect(placed).toMatchObject({ at: new Date(at(9, 9)), requested: new Date(at(8, 13)), moved: "call_limit" });
    expect(placed.message).toBe(
      "The patient was already called that day (at most 1 a day), so the call is set for the next time their call limit allows: Wed 9 Dec, 9:00 AM.",
    );
  });
});
