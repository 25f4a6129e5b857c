import { afterEach, describe, expect, it } from "vitest";
import { buildDynamicVariables, type OrganizationForVariables } from "@/lib/calls/dynamic-variables";
import { languageOverride, withLanguageDefault } from "@/lib/calls/language-override";

const contact = {
  name: "Jane Doe",
  phoneNumber: "+61412345678",
  email: "jane@example.com",
  businessName: "Doe Plumbing",
  businessWebsite: null,
  customFields: { "Last Visit": "3 March", lastVisitDate: "2026-03-03", "Insurance #": 42, vip: true, notes: null },
};

const sydney: OrganizationForVariables = { name: "Harbour Dental", timezone: "Australia/Sydney", locale: "en-AU" };
const newYork: OrganizationForVariables = { name: "Hudson Smiles", timezone: "America/New_York", locale: "en-US" };
const london: OrganizationForVariables = { name: "Thames Clinic", timezone: "Europe/London", locale: "en-GB" };
const utc: OrganizationForVariables = { name: "Zulu Health", timezone: "UTC", locale: "en-US" };

const at = (iso: string) => new Date(iso);
const clockOf = (organization: OrganizationForVariables, iso: string) => {
  const { current_date, current_time, greeting } = buildDynamicVariables({ contact, organization, now: at(iso) });
  return { current_date, current_time, greeting };
};

describe("buildDynamicVariables", () => {
  it("builds the standard variables, with empty strings for what the contact lacks", () => {
    const variables = buildDynamicVariables({ contact, organization: sydney, now: at("2026-11-22T03:05:00Z") });
    expect(variables).toMatchObject({
      contact_name: "Jane Doe",
      contact_phone: "+61412345678",
      contact_email: "jane@example.com",
      business_name: "Doe Plumbing",
      business_website: "",
      clinic_name: "Harbour Dental",
      current_weekday: "Sunday",
    });
    const bare = buildDynamicVariables({ contact: { name: " Sam ", phoneNumber: "+15551234567" }, organization: utc, now: at("2026-11-22T03:05:00Z") });
    expect(bare).toMatchObject({ contact_name: "Sam", contact_email: "", business_name: "", business_website: "" });
  });

  it("adds every custom field under its snake_case key, as text", () => {
    const variables = buildDynamicVariables({ contact, organization: sydney, now: at("2026-11-22T03:05:00Z") });
    expect(variables).toMatchObject({
      last_visit: "3 March",
      last_visit_date: "2026-03-03",
      insurance: "42",
      vip: "true",
      notes: "",
    });
    for (const value of Object.values(variables)) expect(typeof value).toBe("string");
  });

  it("keeps the standard variables over custom fields, and lets overrides win over both", () => {
    const variables = buildDynamicVariables({
      contact: { ...contact, customFields: { Greeting: "Yo", "Contact Name": "Someone else", colour: "blue" } },
      organization: sydney,
      now: at("2026-11-22T03:05:00Z"),
      overrides: { greeting: "G'day", colour: "green", appointment_time: "10 am", skipped: undefined },
    });
    expect(variables.contact_name).toBe("Jane Doe");
    expect(variables.greeting).toBe("G'day");
    expect(variables.colour).toBe("green");
    expect(variables.appointment_time).toBe("10 am");
    expect(variables).not.toHaveProperty("skipped");
  });

  it.each([
    ["Sydney, en-AU", sydney, { current_date: "22 November 2026", current_time: "2:05 pm", greeting: "Good afternoon" }],
    ["New York, en-US (still the day before)", newYork, { current_date: "November 21, 2026", current_time: "10:05 PM", greeting: "Good evening" }],
    ["London, en-GB", london, { current_date: "22 November 2026", current_time: "03:05", greeting: "Good morning" }],
    ["UTC, en-US", utc, { current_date: "November 22, 2026", current_time: "3:05 AM", greeting: "Good morning" }],
  ])("formats one instant in the clinic's zone and locale: %s", (_label, organization, expected) => {
    expect(clockOf(organization, "2026-11-22T03:05:00Z")).toEqual(expected);
  });

  it.each([
    ["2026-11-22T00:00:00Z", "Good morning"], // 00:00 UTC
    ["2026-11-22T11:59:59Z", "Good morning"],
    ["2026-11-22T12:00:00Z", "Good afternoon"],
    ["2026-11-22T17:59:59Z", "Good afternoon"],
    ["2026-11-22T18:00:00Z", "Good evening"],
    ["2026-11-22T23:59:59Z", "Good evening"],
  ])("greets by the clinic's local hour at %s", (iso, greeting) => {
    expect(clockOf(utc, iso).greeting).toBe(greeting);
  });

  it("follows Sydney's DST change on 2026-10-04 (02:00 AEST → 03:00 AEDT)", () => {
    expect(clockOf(sydney, "2026-10-03T15:59:00Z")).toEqual({ current_date: "4 October 2026", current_time: "1:59 am", greeting: "Good morning" });
    expect(clockOf(sydney, "2026-10-03T16:00:00Z")).toEqual({ current_date: "4 October 2026", current_time: "3:00 am", greeting: "Good morning" });
    // 01:00 UTC is 11:00 in AEST but 12:00 in AEDT: the greeting must use the new offset.
    expect(clockOf(sydney, "2026-10-04T00:59:00Z").greeting).toBe("Good morning");
    expect(clockOf(sydney, "2026-10-04T01:00:00Z")).toEqual({ current_date: "4 October 2026", current_time: "12:00 pm", greeting: "Good afternoon" });
  });

  it("follows New York's DST change on 2026-03-08 (02:00 EST → 03:00 EDT)", () => {
    expect(clockOf(newYork, "2026-03-08T06:59:00Z").current_time).toBe("1:59 AM");
    expect(clockOf(newYork, "2026-03-08T07:00:00Z").current_time).toBe("3:00 AM");
    // 16:00 UTC is 11:00 EST but 12:00 EDT.
    expect(clockOf(newYork, "2026-03-08T16:00:00Z")).toEqual({ current_date: "March 8, 2026", current_time: "12:00 PM", greeting: "Good afternoon" });
    expect(clockOf(newYork, "2026-03-08T21:59:00Z").greeting).toBe("Good afternoon");
    expect(clockOf(newYork, "2026-03-08T22:00:00Z").greeting).toBe("Good evening");
  });

  describe("with the process in another zone", () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it("gives the same answer whatever the server's TZ is", () => {
      const before = buildDynamicVariables({ contact, organization: sydney, now: at("2026-11-22T03:05:00Z") });
      process.env.TZ = "Pacific/Kiritimati"; // UTC+14: a different calendar day from most of the world
      expect(new Date("2026-11-22T03:05:00Z").getHours()).toBe(17); // Node picked the zone up
      expect(buildDynamicVariables({ contact, organization: sydney, now: at("2026-11-22T03:05:00Z") })).toEqual(before);
      process.env.TZ = "America/Los_Angeles";
      expect(buildDynamicVariables({ contact, organization: sydney, now: at("2026-11-22T03:05:00Z") })).toEqual(before);
    });
  });

  it("uses plain spaces where an ICU version prints (narrow) no-break spaces", () => {
    // This Node's ICU prints plain spaces; others (e.g. early Node 20 releases) print U+202F before AM/PM. Simulate one.
    const original = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, "format");
    if (!original) throw new Error("Intl.DateTimeFormat.prototype.format is missing");
    Object.defineProperty(Intl.DateTimeFormat.prototype, "format", { configurable: true, get: () => () => "10:05\u202fPM\u00a0ET" });
    try {
      expect(clockOf(newYork, "2026-11-22T03:05:00Z").current_time).toBe("10:05 PM ET");
    } finally {
      Object.defineProperty(Intl.DateTimeFormat.prototype, "format", original);
    }
    expect(clockOf(newYork, "2026-11-22T03:05:00Z").current_time).toBe("10:05 PM");
  });

  it("falls back to en-US, not the server's locale, for an unusable locale tag", () => {
    const broken = { ...utc, locale: "not a locale!" };
    expect(clockOf(broken, "2026-11-22T03:05:00Z")).toEqual({ current_date: "November 22, 2026", current_time: "3:05 AM", greeting: "Good morning" });
  });

  it("refuses an invalid timezone instead of using the server's", () => {
    expect(() => buildDynamicVariables({ contact, organization: { ...utc, timezone: "Mars/Olympus_Mons" }, now: at("2026-11-22T03:05:00Z") })).toThrow(
      /Mars\/Olympus_Mons/,
    );
  });

  describe("in the patient's language", () => {
    const delhi: OrganizationForVariables = { name: "Yamuna Clinic", timezone: "Asia/Kolkata", locale: "en-IN", defaultLanguage: "en-IN" };
    const sydneyClinic: OrganizationForVariables = { ...sydney, defaultLanguage: "en-AU" };
    const spoken = (organization: OrganizationForVariables, language: string | null, iso: string) => {
      const v = buildDynamicVariables({ contact: { ...contact, language }, organization, now: at(iso) });
      return { greeting: v.greeting, current_date: v.current_date, current_time: v.current_time, current_weekday: v.current_weekday, language: v.language };
    };

    it.each([
      // 03:05 UTC = 08:35 in Kolkata; 09:05 UTC = 14:35; 14:05 UTC = 19:35; 17:05 UTC = 22:35.
      ["2026-11-22T03:05:00Z", { greeting: "सुप्रभात", current_date: "22 नवंबर 2026", current_time: "सुबह 8:35 बजे", current_weekday: "रविवार", language: "hi-IN" }],
      ["2026-11-22T09:05:00Z", { greeting: "नमस्ते", current_date: "22 नवंबर 2026", current_time: "दोपहर 2:35 बजे", current_weekday: "रविवार", language: "hi-IN" }],
      [
        "2026-11-22T14:05:00Z",
        { greeting: "शुभ संध्या", current_date: "22 नवंबर 2026", current_time: "शाम 7:35 बजे", current_weekday: "रविवार", language: "hi-IN" },
      ],
      [
        "2026-11-22T17:05:00Z",
        { greeting: "शुभ संध्या", current_date: "22 नवंबर 2026", current_time: "रात 10:35 बजे", current_weekday: "रविवार", language: "hi-IN" },
      ],
    ])("greets a hi-IN patient and says the date and time in Hindi at %s", (iso, expected) => {
      expect(spoken(delhi, "hi-IN", iso)).toEqual(expected);
    });

    it("greets an en-AU patient in Australian English, in the clinic's zone", () => {
      expect(spoken(delhi, "en-AU", "2026-11-22T09:05:00Z")).toEqual({
        greeting: "Good afternoon",
        current_date: "22 November 2026",
        current_time: "2:35 pm",
        current_weekday: "Sunday",
        language: "en-AU",
      });
    });

    it("uses the clinic's default language for a contact without one, and the contact's own over it", () => {
      expect(spoken(sydneyClinic, null, "2026-11-22T03:05:00Z")).toMatchObject({
        greeting: "Good afternoon",
        current_date: "22 November 2026",
        language: "en-AU",
      });
      expect(spoken({ ...sydneyClinic, defaultLanguage: "hi-IN" }, null, "2026-11-22T03:05:00Z")).toMatchObject({
        greeting: "नमस्ते",
        current_date: "22 नवंबर 2026",
        language: "hi-IN",
      });
      expect(spoken({ ...sydneyClinic, defaultLanguage: "hi-IN" }, "en-AU", "2026-11-22T03:05:00Z")).toMatchObject({
        greeting: "Good afternoon",
        language: "en-AU",
      });
    });

    it("falls back to the clinic's default for a stored language that is not on the list", () => {
      expect(spoken(sydneyClinic, "fr-FR", "2026-11-22T03:05:00Z")).toMatchObject({ greeting: "Good afternoon", language: "en-AU" });
    });

    it("keeps a custom field called Language from changing the spoken language variable", () => {
      const v = buildDynamicVariables({
        contact: { ...contact, language: "hi-IN", customFields: { Language: "English" } },
        organization: sydneyClinic,
        now: at("2026-11-22T03:05:00Z"),
      });
      expect(v.language).toBe("hi-IN");
    });

    it("overrides ElevenLabs' language only when the patient's differs from the clinic's", () => {
      expect(languageOverride(sydneyClinic, "hi-IN")).toBe("hi");
      expect(languageOverride(sydneyClinic, "en-US")).toBeUndefined(); // English either way: the agent's own language
      expect(languageOverride(sydneyClinic, null)).toBeUndefined();
      expect(languageOverride({ ...sydneyClinic, defaultLanguage: "hi-IN" }, "en-AU")).toBe("en");
      expect(languageOverride({ ...sydneyClinic, defaultLanguage: "hi-IN" }, null)).toBeUndefined();
    });

    it("lets an explicit override (a batch's first message) win only for the fields it sets", () => {
      expect(withLanguageDefault("hi")).toEqual({ language: "hi" });
      expect(withLanguageDefault("hi", { firstMessage: "नमस्ते {{contact_name}}" })).toEqual({ language: "hi", firstMessage: "नमस्ते {{contact_name}}" });
      expect(withLanguageDefault("hi", { language: "en", prompt: "Be brief" })).toEqual({ language: "en", prompt: "Be brief" });
      expect(withLanguageDefault(undefined, { firstMessage: "Hi", language: "" })).toEqual({ firstMessage: "Hi" });
      expect(withLanguageDefault(undefined)).toEqual({});
    });
  });
});
