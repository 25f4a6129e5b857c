import { describe, expect, it } from "vitest";
import { consentRefusal } from "@/lib/compliance/consent";

describe("consentRefusal", () => {
  it("refuses only consent recorded as none; not recorded stays callable (the clinic answers for it)", () => {
    expect(consentRefusal("NONE")).toBe("No consent (agreed to no calls)");
    expect(consentRefusal("CARE_REMINDERS")).toBeNull();
    expect(consentRefusal("MARKETING")).toBeNull();
    expect(consentRefusal(null)).toBeNull();
    expect(consentRefusal(undefined)).toBeNull();
  });
});
