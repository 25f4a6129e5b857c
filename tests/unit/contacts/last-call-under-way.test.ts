import { describe, expect, it } from "vitest";
import { lastCallUnderWay } from "@/components/contacts/to-contact-row";

const at = new Date("2026-12-07T00:00:00Z");

describe("lastCallUnderWay (the contacts list refreshes itself while a call it shows is unfinished)", () => {
  it("is true while the last call rings or is under way, false once it has ended or when there is none", () => {
    expect(lastCallUnderWay({ lastCall: { status: "INITIATED", outcome: null, at } })).toBe(true);
    expect(lastCallUnderWay({ lastCall: { status: "IN_PROGRESS", outcome: null, at } })).toBe(true);
    expect(lastCallUnderWay({ lastCall: { status: "COMPLETED", outcome: "resolved", at } })).toBe(false);
    expect(lastCallUnderWay({ lastCall: { status: "FAILED", outcome: null, at } })).toBe(false);
    expect(lastCallUnderWay({ lastCall: null })).toBe(false);
  });
});
