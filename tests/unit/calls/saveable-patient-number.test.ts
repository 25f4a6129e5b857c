import { describe, expect, it } from "vitest";
import { saveablePatientNumber } from "@/lib/calls/saveable-patient-number";

describe("saveablePatientNumber: what Add to contacts can save (the page's button and the server's 422 use it alike)", () => {
  const CLINIC = "+61255508888";
  it("the caller's number on an inbound call, the dialed one on an outbound call, in E.164", () => {
    expect(saveablePatientNumber({ direction: "INBOUND", fromNumber: "0255507099", toNumber: CLINIC }, "AU")).toBe("+61255507099");
    expect(saveablePatientNumber({ direction: "OUTBOUND", fromNumber: CLINIC, toNumber: "+61255507099" }, "AU")).toBe("+61255507099");
  });

  it("none for a withheld, missing or unreadable caller id", () => {
    for (const fromNumber of ["anonymous", "Anonymous", "", null, "restricted", "+0"]) {
      expect(saveablePatientNumber({ direction: "INBOUND", fromNumber, toNumber: CLINIC }, "AU"), String(fromNumber)).toBeNull();
    }
    expect(saveablePatientNumber({ direction: "OUTBOUND", fromNumber: CLINIC, toNumber: "" }, "AU")).toBeNull();
  });
});
