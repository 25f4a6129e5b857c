import { describe, expect, it } from "vitest";
import { formatPhoneForDisplay, normalizePhone } from "@/lib/contacts/normalize-phone";

describe("normalizePhone", () => {
  it.each([
    ["0412 345 678", "AU", "+61412345678"],
    ["(02) 5550 1234", "AU", "+61255501234"],
    ["+61 412 345 678", "AU", "+61412345678"],
    ["61412345678", "AU", "+61412345678"],
    ["+1 (415) 555-2671", "AU", "+14155552671"],
    ["415-555-2671", "US", "+14155552671"],
    ["(212) 555 0199", "US", "+12125550199"],
    ["07400 123456", "GB", "+447400123456"],
    ["+44 20 7946 0958", "GB", "+442079460958"],
    ["020 7946 0958", "GB", "+442079460958"],
  ])("%s (%s) → %s", (input, country, e164) => {
    expect(normalizePhone(input, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    ["", "AU", /Enter a phone number/],
    ["0412 345", "AU", /"0412 345" is not a valid phone number for AU/],
    ["123", "US", /"123" is not a valid/],
    ["call me maybe", "AU", /contains letters/],
    ["0412 ABC 678", "AU", /contains letters/],
    ["+99 1234 5678", "AU", /not a valid/],
  ])("rejects %j (%s)", (input, country, message) => {
    const result = normalizePhone(input, country);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe("normalizePhone on hostile input", () => {
  // A CSV cell may hold 10,000 characters. The extension pattern used to start with \s*, tried from every
  // space of a long run: one such cell took ~75 ms, a 10 MB import of them held the event loop for minutes.
  const longRun = `1${" ".repeat(9_998)}1`;

  it("refuses text too long to be a phone number, quoting only its start", () => {
    const result = normalizePhone(longRun, "AU");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/10,000 characters long \(at most 64\)/);
      expect(result.message.length).toBeLessThan(200);
    }
  });

  it("reads 1,000 such cells in well under a second", () => {
    const started = performance.now();
    for (let i = 0; i < 1_000; i++) normalizePhone(longRun, "AU");
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("still reads an extension after the number", () => {
    expect(normalizePhone("+1 (415) 555-2671 ext. 12", "AU").ok).toBe(true);
    expect(normalizePhone("0412 345 678 x 9", "AU").ok).toBe(true);
  });
});

describe("formatPhoneForDisplay", () => {
  it("uses the national format at home and the international one abroad", () => {
    expect(formatPhoneForDisplay("+61412345678", "AU")).toBe("0412 345 678");
    expect(formatPhoneForDisplay("+14155552671", "AU")).toBe("+1 415 555 2671");
  });
});
