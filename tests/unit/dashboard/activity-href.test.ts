import { describe, expect, it } from "vitest";
import { activityHref, type LinkableEntry } from "@/components/dashboard/activity-href";

const entry = (overrides: Partial<LinkableEntry>): LinkableEntry => ({ type: "CALL_COMPLETED", callId: null, contactName: null, data: {}, ...overrides });

describe("activityHref (where a feed entry leads)", () => {
  it("leads a call's entry to its page, an entry with only a contact to the contact, and nothing else anywhere", () => {
    expect(activityHref(entry({ callId: "c1", contactName: "Jane Doe" }), "Australia/Sydney")).toBe("/calls/c1");
    expect(activityHref(entry({ type: "CALL_RECEIVED", callId: "c2" }), "Australia/Sydney")).toBe("/calls/c2");
    expect(activityHref(entry({ contactName: "Jane Doe & Co" }), "Australia/Sydney")).toBe("/contacts?q=Jane%20Doe%20%26%20Co");
    expect(activityHref(entry({ type: "CALLS_SCHEDULED" }), "Australia/Sydney")).toBeNull();
  });

  it("leads what the agent did to the appointment's day in the clinic's zone, even when the entry has a call", () => {
    // 2026-12-01T14:30Z is 01:30 on 2 December in Sydney and 09:30 on 1 December in New York.
    const booked = entry({ type: "APPOINTMENT_BOOKED", callId: "c3", data: { appointmentId: "a1", startsAt: "2026-12-01T14:30:00.000Z" } });
    expect(activityHref(booked, "Australia/Sydney")).toBe("/appointments?view=day&date=2026-12-02");
    expect(activityHref(booked, "America/New_York")).toBe("/appointments?view=day&date=2026-12-01");
    for (const type of ["APPOINTMENT_MOVED", "APPOINTMENT_CANCELLED"] as const) {
      expect(activityHref({ ...booked, type }, "Australia/Sydney")).toBe("/appointments?view=day&date=2026-12-02");
    }
  });

  it("leads a scheduled callback to scheduling, and falls back to the call when the data is missing or malformed", () => {
    expect(activityHref(entry({ type: "CALLBACK_SCHEDULED", callId: "c4", data: { scheduledCallId: "s1" } }), "Australia/Sydney")).toBe("/scheduling");
    expect(activityHref(entry({ type: "CALLBACK_SCHEDULED", callId: "c4", data: {} }), "Australia/Sydney")).toBe("/calls/c4");
    expect(activityHref(entry({ type: "APPOINTMENT_BOOKED", callId: "c5", data: { startsAt: "next tuesday" } }), "Australia/Sydney")).toBe("/calls/c5");
    expect(activityHref(entry({ type: "APPOINTMENT_MOVED", callId: "c6", data: null }), "Australia/Sydney")).toBe("/calls/c6");
    expect(activityHref(entry({ type: "APPOINTMENT_CANCELLED", data: ["2026-12-01"] }), "Australia/Sydney")).toBeNull();
  });
});
