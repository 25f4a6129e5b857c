import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/organizations/schemas";
import { isIanaTimeZone } from "@/lib/time/iana-time-zone";
import { slugify } from "@/lib/organizations/slugify";
import { decodeCursor, encodeCursor } from "@/lib/contacts/contact-cursor";

describe("slugify", () => {
  it.each([
    ["Sunrise Family Clinic", "sunrise-family-clinic"],
    ["  Dr. Müller & Söhne  ", "dr-muller-sohne"],
    ["!!!", "clinic"],
  ])("%s → %s", (name, slug) => expect(slugify(name)).toBe(slug));
});

describe("time zones", () => {
  it("accepts IANA zones and refuses abbreviations and nonsense", () => {
    expect(isIanaTimeZone("Australia/Sydney")).toBe(true);
    expect(isIanaTimeZone("UTC")).toBe(true);
    expect(isIanaTimeZone("EST")).toBe(false);
    expect(isIanaTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("sign-up input", () => {
  it("normalizes email and country", () => {
    const parsed = signUpSchema.parse({
      name: "A",
      email: " A@B.CO ",
      password: "12345678",
      organizationName: "Clinic",
      timezone: "Europe/London",
      defaultCountry: "gb",
    });
    expect(parsed).toMatchObject({ email: "a@b.co", defaultCountry: "GB" });
  });
});

describe("contact cursor", () => {
  it("round-trips and rejects tampering with a 400", () => {
    const cursor = { s: "name", v: "Smith", id: "c1", d: "after" } as const;
    expect(decodeCursor(encodeCursor(cursor), "name")).toEqual(cursor);
    expect(() => decodeCursor("not-a-cursor", "name")).toThrow(expect.objectContaining({ code: "bad_request" }));
    expect(() => decodeCursor(encodeCursor(cursor), "created")).toThrow(expect.objectContaining({ code: "bad_request" }));
  });
});
