import { describe, expect, it } from "vitest";
import { CUSTOM_FIELDS_MAX, CUSTOM_FIELD_VALUE_MAX, normalizeCustomFields, readCustomFields } from "@/lib/contacts/custom-fields";

describe("normalizeCustomFields", () => {
  it("stores keys in snake_case and values as trimmed strings", () => {
    expect(
      normalizeCustomFields({
        "Appointment Type": " flu vaccination ",
        lastVisitDate: "2026-03-01",
        "Preferred Doctor": "Dr Tan",
        "Visits (total)": 3,
        VIP: true,
      }),
    ).toEqual({
      ok: true,
      fields: { appointment_type: "flu vaccination", last_visit_date: "2026-03-01", preferred_doctor: "Dr Tan", visits_total: "3", vip: "true" },
    });
  });

  it("takes the key/value rows of the form and drops empty ones", () => {
    expect(
      normalizeCustomFields([
        { key: "Health fund", value: "Bupa" },
        { key: "", value: "" },
        { key: "Notes", value: "  " },
        { key: "Nothing", value: null },
      ]),
    ).toEqual({ ok: true, fields: { health_fund: "Bupa" } });
  });

  it("refuses two names that become the same key, naming both as typed", () => {
    const result = normalizeCustomFields([
      { key: "First Name", value: "Jane" },
      { key: "first_name", value: "Janet" },
    ]);
    expect(result).toEqual({
      ok: false,
      issues: [{ path: "customFields.first_name", message: '"First Name" and "first_name" would both be saved as first_name. Rename one of them.' }],
    });
  });

  it("refuses a name with nothing usable, and a value without a name", () => {
    const result = normalizeCustomFields([
      { key: "???", value: "x" },
      { key: " ", value: "orphan" },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]!.message).toMatch(/"\?\?\?" has no letters or digits/);
      expect(result.issues[1]!.message).toMatch(/Give this custom field a name/);
    }
  });

  it("enforces the size limits", () => {
    expect(normalizeCustomFields({ notes: "x".repeat(CUSTOM_FIELD_VALUE_MAX + 1) }).ok).toBe(false);
    expect(normalizeCustomFields({ ["k".repeat(65)]: "v" }).ok).toBe(false);
    const many = Object.fromEntries(Array.from({ length: CUSTOM_FIELDS_MAX + 1 }, (_, i) => [`field ${i}`, "v"]));
    expect(normalizeCustomFields(many)).toMatchObject({ ok: false, issues: [{ message: expect.stringMatching(/at most 50 custom fields/) }] });
  });
});

describe("readCustomFields", () => {
  it("reads a stored JSON object as strings and ignores anything else", () => {
    expect(readCustomFields({ a: "x", n: 2, b: false, o: { nested: 1 }, z: null })).toEqual({ a: "x", n: "2", b: "false" });
    expect(readCustomFields(["a"])).toEqual({});
    expect(readCustomFields(null)).toEqual({});
  });
});
