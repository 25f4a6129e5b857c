import { describe, expect, it } from "vitest";
import { normalizePhone } from "@/lib/contacts/normalize-phone";

// Numbers from ranges set aside for fiction or documentation where the country has one.
describe("normalizePhone: E.164 with the organization's default country", () => {
  it.each([
    // Australia
    ["AU mobile, spaces", "0491 570 156", "AU", "+61491570156"],
    ["AU mobile, no spaces", "0491570156", "AU", "+61491570156"],
    ["AU mobile, dashes and dots", "0491-570.156", "AU", "+61491570156"],
    ["AU landline with area code in brackets", "(02) 5550 1234", "AU", "+61255501234"],
    ["AU international with +", "+61 491 570 156", "AU", "+61491570156"],
    ["AU international with + and the trunk 0 kept", "+61 (0)491 570 156", "AU", "+61491570156"],
    ["AU international without +", "61491570156", "AU", "+61491570156"],
    ["AU surrounding white space", "   0491 570 156  ", "AU", "+61491570156"],
    // United States
    ["US local", "(202) 555-0143", "US", "+12025550143"],
    ["US with leading 1", "1 202 555 0143", "US", "+12025550143"],
    ["US with +1", "+1 202-555-0143", "US", "+12025550143"],
    ["US number from an AU clinic", "+1 (202) 555-0143", "AU", "+12025550143"],
    // United Kingdom
    ["UK mobile, leading 0", "07400 123456", "GB", "+447400123456"],
    ["UK London, leading 0", "020 7946 0958", "GB", "+442079460958"],
    ["UK with +44", "+44 7400 123456", "GB", "+447400123456"],
    ["UK with 0044", "0044 7400 123456", "GB", "+447400123456"],
    ["UK number from an AU clinic", "+44 20 7946 0958", "AU", "+442079460958"],
  ])("%s: %j (%s) → %s", (_label, input, country, e164) => {
    expect(normalizePhone(input, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    ["empty", "", "AU", /Enter a phone number/],
    ["only spaces", "   ", "AU", /Enter a phone number/],
    ["too short (AU)", "0491 570", "AU", /"0491 570" is not a valid phone number for AU/],
    ["too short (US)", "555-0143", "US", /"555-0143" is not a valid phone number for US/],
    ["too short (UK)", "07400 1234", "GB", /"07400 1234" is not a valid/],
    ["too long", "0491 570 156 999", "AU", /is not a valid/],
    ["letters", "call me maybe", "AU", /"call me maybe" is not a phone number: it contains letters/],
    ["letters inside digits", "0491 ABC 156", "AU", /contains letters/],
    ["unknown country code", "+999 1234 5678", "AU", /"\+999 1234 5678" is not a valid phone number: no country has the code/],
    [
      "a UK number with its prefix in an AU clinic, judged as UK",
      "+44 7700 900123",
      "AU",
      /"\+44 7700 900123" is not a valid phone number for \+44 \(United Kingdom\)\. Check the digits after the country code/,
    ],
    ["a short US number with its prefix in an AU clinic", "+1 202 555 014", "AU", /^(?!.*\bAU\b).*is not a valid phone number for \+1\b/],
    ["a US number typed as local in an AU clinic", "(202) 555-0143", "AU", /is not a valid phone number for AU/],
  ])("rejects %s: %j (%s), quoting what was typed", (_label, input, country, message) => {
    const result = normalizePhone(input, country);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
