import { describe, expect, it } from "vitest";
import { refuseDistantCall, SCHEDULE_MAX_DAYS_AHEAD } from "@/lib/scheduling/schedule-horizon";

describe("refuseDistantCall", () => {
  const now = new Date("2026-12-07T10:00:00+11:00");
  it("lets a call go up to a year ahead and refuses one further, beside the time field", () => {
    expect(() => refuseDistantCall(new Date(+now + SCHEDULE_MAX_DAYS_AHEAD * 86_400_000), now)).not.toThrow();
    expect(() => refuseDistantCall(new Date("9999-12-31T09:00:00Z"), now)).toThrow(
      expect.objectContaining({ status: 400, issues: [{ path: "scheduledTime", message: "Must be within a year" }] }),
    );
  });
});
