import { describe, expect, it } from "vitest";
import { effectiveLanguage, elevenLabsLanguage, languageSchema, optionalLanguageSchema, parseLanguage } from "@/lib/language/supported-languages";

describe("supported languages", () => {
  it.each([
    ["hi-IN", "hi-IN"],
    ["hi-in", "hi-IN"],
    [" HI_IN ", "hi-IN"],
    ["Hindi", "hi-IN"],
    ["hi", "hi-IN"],
    ["en-au", "en-AU"],
    ["en", null], // which English? the date format differs
    ["fr-FR", null],
    ["", null],
  ])("reads %j as %j", (input, expected) => {
    expect(parseLanguage(input)).toBe(expected);
  });

  it("validates a clinic default and a contact's language with a message that lists the choices", () => {
    expect(languageSchema.parse("en-gb")).toBe("en-GB");
    const bad = languageSchema.safeParse("klingon");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/"klingon" is not a language Callboard speaks\. Use one of en-AU, .*hi-IN/);
    expect(optionalLanguageSchema.parse(undefined)).toBeUndefined();
    expect(optionalLanguageSchema.parse(null)).toBeNull();
    expect(optionalLanguageSchema.parse("  ")).toBeNull();
    expect(optionalLanguageSchema.parse("hi-IN")).toBe("hi-IN");
    expect(optionalLanguageSchema.safeParse("xx-YY").success).toBe(false);
  });

  it("picks the contact's language, else the clinic's, else en-US, and names ElevenLabs' code", () => {
    expect(effectiveLanguage("hi-IN", "en-AU")).toBe("hi-IN");
    expect(effectiveLanguage(null, "en-AU")).toBe("en-AU");
    expect(effectiveLanguage("zz", "also-bad")).toBe("en-US");
    expect(elevenLabsLanguage("hi-IN")).toBe("hi");
    expect(elevenLabsLanguage("en-NZ")).toBe("en");
  });
});
