import { describe, expect, it } from "vitest";
import { identificationCheck, namesTheClinic } from "@/lib/compliance/agent-identification";

describe("does the first message say who is calling", () => {
  it("accepts the clinic's name in any case and punctuation, or the {{clinic_name}} variable", () => {
    expect(namesTheClinic("Hi, this is Sunrise Family Clinic.", "Sunrise Family Clinic")).toBe(true);
    expect(namesTheClinic("hi — sunrise   family-clinic here", "Sunrise Family Clinic")).toBe(true);
    expect(namesTheClinic("This is {{clinic_name}} calling", "Anything")).toBe(true);
    expect(namesTheClinic("This is {{ CLINIC_NAME }} calling", "Anything")).toBe(true);
  });

  it("refuses a message without it, part of the name, a name inside another word, or none at all", () => {
    expect(namesTheClinic("Hi {{contact_name}}, this is the clinic calling.", "Sunrise Family Clinic")).toBe(false);
    expect(namesTheClinic("This is Sunrise calling", "Sunrise Family Clinic")).toBe(false);
    expect(namesTheClinic("This is Oakdale calling", "Oak")).toBe(false);
    expect(namesTheClinic("This is {{contact_name}}", "Oak")).toBe(false);
    expect(namesTheClinic(null, "Oak")).toBe(false);
    expect(identificationCheck(null, "Oak")).toMatchObject({ status: "warning", message: expect.stringContaining("no first message") });
  });
});
